package com.voxanne.ops.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** The small "working…" spinner and the one-sentence error every workspace toolbar shows. */
public final class StatusWidgets {

    private StatusWidgets() {
    }

    public static ProgressIndicator busy(ObservableBooleanValue working) {
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(working);
        return busy;
    }

    public static Label error(ObservableStringValue sentence) {
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(sentence);
        return error;
    }
}
