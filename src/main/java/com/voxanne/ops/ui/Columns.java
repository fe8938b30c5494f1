package com.voxanne.ops.ui;

import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Table columns and small read-only tables, the same everywhere in the console. */
public final class Columns {

    private Columns() {
    }

    /**
     * Takes out of {@code table} the columns whose field the platform's {@code platformTable} does
     * not have ({@code columnOfHeader}: a header and the database column it shows). A configuration
     * table's columns are the platform's choice: a field it lacks is left out, not shown empty.
     */
    public static void leaveOut(TableView<?> table, com.voxanne.ops.catalog.PlatformColumns columns, String platformTable,
                                java.util.Map<String, String> columnOfHeader) {
        table.getColumns().removeIf(c -> columnOfHeader.containsKey(c.getText()) && !columns.has(platformTable, columnOfHeader.get(c.getText())));
    }

    /** A column of text; {@code width} is its preferred width (it may shrink to 60). */
    public static <S> TableColumn<S, String> text(String name, Function<S, String> value, double width) {
        TableColumn<S, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        // Squeezed a little at most: a cut-off phone number or time is worse than a scroll bar.
        c.setMinWidth(Math.max(Math.min(width, 60), Math.floor(width * 0.9)));
        // Sized columns stay near their size; the table's spare width goes to its flexible column.
        c.setMaxWidth(width * 1.6);
        c.setSortable(false);
        c.setCellFactory(col -> new FullTextCell<>());
        return c;
    }

    /** The table's main column (a name): starts at {@code width}, never squeezed below it, and grows with the window. */
    public static <S> TableColumn<S, String> wide(String name, Function<S, String> value, double width) {
        TableColumn<S, String> c = text(name, value, width);
        c.setMinWidth(width);
        c.setMaxWidth(Double.MAX_VALUE);
        return c;
    }

    /** A column of text that takes what the table leaves: the last of a table, usually a sentence. */
    public static <S> TableColumn<S, String> text(String name, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(360);
        c.setMinWidth(120);
        c.setSortable(false);
        c.setCellFactory(col -> new FullTextCell<>());
        return c;
    }

    /** A column that keeps its width (a short value under a header that must be read whole): it never gives way to the others. */
    public static <S> TableColumn<S, String> fixedWidth(TableColumn<S, String> column) {
        column.setMinWidth(column.getPrefWidth());
        return column;
    }

    /** A column of coloured pills (style class {@code stylePrefix + value} in console.css). */
    public static <S> TableColumn<S, String> pill(String name, Function<S, String> value, String stylePrefix, double width) {
        TableColumn<S, String> c = text(name, value, width);
        c.setMinWidth(width);
        c.setCellFactory(col -> new PillCell<>(stylePrefix));
        return c;
    }

    /** A column of web addresses that open in the browser when clicked (only http and https ones: the platform's text is not trusted to run anything). */
    public static <S> TableColumn<S, String> link(String name, Function<S, String> address, java.util.function.Consumer<String> open) {
        TableColumn<S, String> c = text(name, address);
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink();

            @Override
            protected void updateItem(String url, boolean empty) {
                super.updateItem(url, empty);
                if (empty || url == null || url.isBlank()) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                boolean web = url.startsWith("https://") || url.startsWith("http://");
                if (!web) {
                    setGraphic(null);
                    setText(url);
                    return;
                }
                link.setText(url.replaceFirst("^https?://(www\\.)?", ""));
                link.setTooltip(new javafx.scene.control.Tooltip("Open " + url + " in the browser"));
                link.setOnAction(e -> open.accept(url));
                setText(null);
                setGraphic(link);
            }
        });
        return c;
    }

    /** A dense, striped, read-only table exactly as tall as its rows (for a page of several). */
    @SafeVarargs
    public static <T> TableView<T> fixedTable(List<T> rows, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.getColumns().addAll(columns);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(30);
        t.setPrefHeight(Math.max(1, rows.size()) * 30 + 40);
        t.setMaxHeight(t.getPrefHeight());
        t.setPlaceholder(new Label("None."));
        return t;
    }

    /** A dense, striped table that grows with its pane, for lists that scroll. */
    @SafeVarargs
    public static <T> TableView<T> table(String id, String placeholder, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.getColumns().addAll(columns);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label(placeholder));
        return t;
    }
}
