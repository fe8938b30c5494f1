package com.voxanne.ops.ui;

import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * "3 new calls" over the top of a live table: rows that arrive are not pushed under the person's
 * pointer; the pill says how many there are and, clicked, shows them and scrolls to the top.
 */
public final class NewRowsPill {

    private NewRowsPill() {
    }

    /** The table with the pill over it; {@code show} brings the new rows in (the pill then scrolls to the first row). */
    public static StackPane over(TableView<?> table, String id, ObservableStringValue text, ObservableBooleanValue visible, Runnable show) {
        Button pill = new Button();
        pill.setId(id);
        pill.setGraphic(new FontIcon(Material2AL.ARROW_UPWARD));
        pill.getStyleClass().addAll(Styles.ACCENT, Styles.ROUNDED, "new-rows-pill");
        pill.textProperty().bind(text);
        pill.visibleProperty().bind(visible);
        pill.managedProperty().bind(pill.visibleProperty());
        pill.setOnAction(e -> {
            show.run();
            table.scrollTo(0);
        });
        StackPane stack = new StackPane(table, pill);
        StackPane.setAlignment(pill, Pos.TOP_CENTER);
        // Below the column headers, so it covers a row rather than the headings.
        StackPane.setMargin(pill, new Insets(36, 0, 0, 0));
        return stack;
    }
}
