package com.voxanne.ops.calls;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.ui.CallFormats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A long call read on the whole screen: the call's header (who, when, direction, length, how it
 * went) and its summary above, the find box of the detail pane (the same search, so the hits and
 * the current hit carry over), and the turns in a column of reading width in the middle of the
 * screen, so the two speakers' bubbles stay close on a wide monitor. Esc closes, and says so.
 */
final class TranscriptWindow {

    /** About 90 characters a line: the width a text is read at, whatever the screen. */
    static final double READING_WIDTH = 920;

    private TranscriptWindow() {
    }

    static Stage open(CallDetailViewModel model, CallDetails d, javafx.stage.Window owner, java.util.List<String> stylesheets) {
        CallDetail c = d.call();
        String who = d.contact().map(Contact::fullName).orElse(CallFormats.who(c.callerName()));
        TranscriptView turns = new TranscriptView(model.transcriptMatchesProperty(), model.currentMatchProperty());
        turns.setId("fullScreenTurns");
        turns.show(d.transcript());

        Label title = new Label(who);
        title.getStyleClass().add(Styles.TITLE_2);
        Label facts = new Label(String.join(" · ", java.util.stream.Stream.of(CallFormats.time(c.createdAt(), model.zone()),
                        c.callDirection(), CallFormats.duration(c.durationSeconds()), CallFormats.phone(c.phoneNumber() != null ? c.phoneNumber() : c.fromNumber()),
                        CallFormats.label(c.status()))
                .filter(part -> part != null && !part.isBlank()).toList()));
        facts.setId("fullScreenFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        HBox pills = new HBox(8);
        pills.setAlignment(Pos.CENTER_LEFT);
        if (c.sentimentLabel() != null) {
            Label sentiment = new Label(c.sentimentLabel());
            sentiment.getStyleClass().addAll("pill", "sentiment-" + c.sentimentLabel());
            pills.getChildren().add(sentiment);
        }
        if (c.sentimentUrgency() != null) {
            Label urgency = new Label(c.sentimentUrgency() + " urgency");
            urgency.getStyleClass().addAll("pill", "urgency-" + c.sentimentUrgency());
            pills.getChildren().add(urgency);
        }
        Label summary = new Label(c.summary() == null ? "" : c.summary());
        summary.setWrapText(true);
        summary.setVisible(c.summary() != null);
        summary.setManaged(c.summary() != null);

        CustomTextField find = TranscriptFind.field(model, "fullScreenFind");
        find.setPrefColumnCount(22);
        find.setMinWidth(260);
        Label count = TranscriptFind.count(model);
        Label hint = new Label("Enter: next match · Esc: close");
        hint.setId("fullScreenHint");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Stage stage = new Stage();
        Button close = new Button("Close", new FontIcon(org.kordamp.ikonli.material2.Material2AL.FULLSCREEN_EXIT));
        close.setId("fullScreenClose");
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox tools = new HBox(8, find, count, grow, hint, close);
        tools.setAlignment(Pos.CENTER_LEFT);

        VBox header = new VBox(6, title, facts, pills, summary, tools);
        header.setPadding(new Insets(20, 0, 12, 0));
        BorderPane column = new BorderPane(turns);
        column.setTop(header);
        column.setMaxWidth(READING_WIDTH);
        StackPane page = new StackPane(column);
        page.getStyleClass().add("full-screen-transcript");
        StackPane.setAlignment(column, Pos.TOP_CENTER);
        page.setPadding(new Insets(0, 24, 16, 24));

        stage.initOwner(owner);
        stage.setTitle("Transcript — " + who + ", " + CallFormats.time(c.createdAt(), model.zone()));
        Scene scene = new Scene(page, 1000, 760);
        scene.getStylesheets().addAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        // The whole of the screen the console is on (a desktop without a window manager ignores "maximized").
        var screens = javafx.stage.Screen.getScreensForRectangle(owner.getX(), owner.getY(), Math.max(1, owner.getWidth()), Math.max(1, owner.getHeight()));
        var area = (screens.isEmpty() ? javafx.stage.Screen.getPrimary() : screens.get(0)).getVisualBounds();
        stage.setX(area.getMinX());
        stage.setY(area.getMinY());
        stage.setWidth(area.getWidth());
        stage.setHeight(area.getHeight());
        stage.setMaximized(true);
        stage.show();
        return stage;
    }
}
