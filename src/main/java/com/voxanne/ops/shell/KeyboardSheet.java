package com.voxanne.ops.shell;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * Every key the console answers, on one card over the window (F1, or "Keyboard shortcuts" in the
 * ☰ menu); Esc, the close button or a click beside the card closes it. The list is the one place
 * the keys are written down for people, so a key added elsewhere belongs here too.
 */
final class KeyboardSheet extends StackPane {

    /** A group of keys and what each does. */
    record Group(String title, List<String[]> keys) {
    }

    static final String SHORTCUT = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("mac") ? "Cmd" : "Ctrl";

    static final List<Group> GROUPS = List.of(
            new Group("Anywhere", List.of(
                    new String[] {SHORTCUT + "+F", "Go to the search field of the workspace on screen"},
                    new String[] {SHORTCUT + "+O", "Open a bundle for offline review"},
                    new String[] {SHORTCUT + "+E", "Export the calls in view"},
                    new String[] {"F1", "Show this list"},
                    new String[] {"Esc", "Close this list, a full-screen transcript or a pop-up window"})),
            new Group("In a list (calls, contacts, alerts)", List.of(
                    new String[] {"J / K", "Next / previous row"},
                    new String[] {"Enter", "Open the row: a call's transcript full-screen, an alert's calls"},
                    new String[] {"Esc in the search field", "Clear the search and go back to the list"},
                    new String[] {"A", "Acknowledge the chosen alert (managers and admins)"})),
            new Group("In a transcript", List.of(
                    new String[] {"Enter / Shift+Enter", "Next / previous match of the find box"},
                    new String[] {"Esc", "Close the full-screen transcript"})),
            new Group("Reviewing a call (Review)", List.of(
                    new String[] {"N", "Take the next call (on a yes/no question: No)"},
                    new String[] {"1–5, Y, N, A", "Answer (A is N/A); Tab, Shift+Tab move"},
                    new String[] {"C, then Enter", "Pin a comment to the selected turn"},
                    new String[] {SHORTCUT + "+S / " + SHORTCUT + "+Enter", "Save a draft / submit the evaluation"})));

    KeyboardSheet(Runnable close) {
        setId("keyboardSheet");
        getStyleClass().add("sheet-backdrop");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(Styles.TITLE_3);
        Button closeButton = new Button(null, new FontIcon(Material2AL.CLOSE));
        closeButton.setId("keyboardSheetClose");
        closeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        closeButton.setOnAction(e -> close.run());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox head = new HBox(8, title, grow, closeButton);
        head.setAlignment(Pos.CENTER_LEFT);
        // One grid for every group, so the keys and their meanings line up down the whole sheet.
        GridPane keys = new GridPane();
        keys.setHgap(16);
        keys.setVgap(6);
        int row = 0;
        for (Group g : GROUPS) {
            Label name = new Label(g.title());
            name.getStyleClass().addAll(Styles.TEXT_BOLD);
            name.setPadding(new Insets(row == 0 ? 0 : 10, 0, 2, 0));
            keys.add(name, 0, row++, 2, 1);
            for (String[] k : g.keys()) {
                Label key = new Label(k[0]);
                key.getStyleClass().add("key-cap");
                key.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(k[1]);
                what.setWrapText(true);
                keys.addRow(row++, key, what);
            }
        }
        VBox card = new VBox(14, head, keys);
        card.getStyleClass().add("sheet-card");
        card.setPadding(new Insets(20, 24, 24, 24));
        card.setMaxWidth(620);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setOnMouseClicked(javafx.event.Event::consume);
        getChildren().add(card);
        setOnMouseClicked(e -> close.run());
    }
}
