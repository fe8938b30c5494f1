package com.voxanne.ops.calls;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import atlantafx.base.controls.CustomTextField;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The transcript's find box and its "1 of 3" count, as the detail pane and the full-screen
 * transcript both show them: one search of the call's view model, so a hit found in one is the
 * current hit in the other. Enter goes to the next hit, Shift+Enter to the previous.
 */
final class TranscriptFind {

    private TranscriptFind() {
    }

    static CustomTextField field(CallDetailViewModel model, String id) {
        CustomTextField find = new CustomTextField();
        find.setId(id);
        find.setPromptText("Find in transcript");
        find.setLeft(new FontIcon(Material2MZ.SEARCH));
        find.textProperty().bindBidirectional(model.transcriptQueryProperty());
        find.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    model.previousMatch();
                } else {
                    model.nextMatch();
                }
            }
        });
        return find;
    }

    static Label count(CallDetailViewModel model) {
        Label count = new Label();
        count.textProperty().bind(model.matchSummary());
        count.getStyleClass().add(Styles.TEXT_MUTED);
        return count;
    }
}
