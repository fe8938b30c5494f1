package com.voxanne.ops.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;

/** A table cell showing its value as a coloured pill: style class {@code prefix + value}, defined in console.css. */
public final class PillCell<S> extends TableCell<S, String> {

    private final Label pill = new Label();
    private final String stylePrefix;

    public PillCell(String stylePrefix) {
        this.stylePrefix = stylePrefix;
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null || item.isEmpty()) {
            setGraphic(null);
            return;
        }
        pill.setText(CallFormats.label(item));
        pill.getStyleClass().setAll("label", "pill", stylePrefix + item);
        setGraphic(pill);
    }
}
