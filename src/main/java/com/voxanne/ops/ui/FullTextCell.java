package com.voxanne.ops.ui;

import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/**
 * A table cell of text that, when the column is too narrow and the text is cut to "…", shows the
 * whole value as its tooltip: on a laptop screen a reason or a name is never lost, and a value
 * that fits gets no tooltip to get in the way.
 */
final class FullTextCell<S> extends TableCell<S, String> {

    private final Tooltip whole = new Tooltip();

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
        whole.setText(empty || item == null ? "" : item);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        // The skin draws the text it could fit; when that is not the whole text, the cell was cut.
        Node shown = lookup(".text");
        boolean cut = shown instanceof Text t && getText() != null && !getText().isEmpty() && !getText().equals(t.getText());
        if (cut && getTooltip() == null) {
            setTooltip(whole);
        } else if (!cut && getTooltip() != null) {
            setTooltip(null);
        }
    }
}
