package com.voxanne.ops.offline;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The "Reviewer note" section of the call detail while a bundle is reviewed offline. */
public final class ReviewNoteView extends VBox {

    public ReviewNoteView(ReviewNotesViewModel model) {
        super(8);
        setId("reviewNote");
        getStyleClass().add("detail-section");
        Label head = new Label("Reviewer note", new FontIcon(Material2MZ.RATE_REVIEW));
        head.getStyleClass().addAll(Styles.TITLE_4, "section-title");

        TextArea text = new TextArea();
        text.setId("reviewNoteText");
        text.setPromptText("What QA or legal should know about this call…");
        text.setWrapText(true);
        text.setPrefRowCount(3);
        text.textProperty().bindBidirectional(model.textProperty());
        text.disableProperty().bind(model.readyProperty().not());
        KeyCombination saveKey = new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN);
        text.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (saveKey.match(e)) {
                model.save();
                e.consume();
            }
        });

        Button save = new Button("Save note", new FontIcon(Material2MZ.SAVE));
        save.setId("saveReviewNote");
        save.setMinWidth(USE_PREF_SIZE);
        save.disableProperty().bind(model.dirtyProperty().not().or(model.readyProperty().not()));
        save.setOnAction(e -> model.save());
        save.setTooltip(new javafx.scene.control.Tooltip("Save the note beside the bundle (Ctrl+S)"));

        Label status = new Label();
        status.setId("reviewNoteStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        model.failedProperty().addListener((obs, was, failed) -> {
            status.getStyleClass().removeAll(Styles.TEXT_MUTED, Styles.DANGER);
            status.getStyleClass().add(failed ? Styles.DANGER : Styles.TEXT_MUTED);
        });
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox actions = new HBox(10, save, status);
        actions.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(head, text, actions);
    }
}
