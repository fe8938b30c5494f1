package com.voxanne.ops.ui;

import javafx.scene.control.TableView;

/**
 * The keys every list workspace answers the same way: J and K select the next and previous row
 * (as in a mail reader), Enter opens the selected one, and Ctrl+F (Cmd+F) goes to the
 * workspace's search field, through {@link Searchable} and the window's one accelerator; Esc
 * in that field clears it and goes back to the list. The keyboard sheet (F1) lists them all.
 */
public final class ListKeys {

    /** A workspace with a search field, for Ctrl+F. */
    public interface Searchable {
        void focusSearch();
    }

    private ListKeys() {
    }

    /** J/K on {@code table}; {@code enter} runs on Enter (or does nothing). */
    public static void install(TableView<?> table, Runnable enter) {
        table.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case J -> move(table, 1);
                case K -> move(table, -1);
                case ENTER -> enter.run();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    /**
     * Esc in a list's search field clears the search and gives the keys back to the list, as in a
     * mail reader; {@code clear} applies the empty search, {@code list} takes the focus.
     */
    public static void escapeClears(javafx.scene.control.TextInputControl search, Runnable clear, javafx.scene.Node list) {
        search.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                search.clear();
                clear.run();
                list.requestFocus();
                e.consume();
            }
        });
    }

    private static void move(TableView<?> table, int step) {
        if (table.getItems().isEmpty()) {
            return;
        }
        int next = Math.max(0, Math.min(table.getItems().size() - 1, table.getSelectionModel().getSelectedIndex() + step));
        table.getSelectionModel().select(next);
        // A few rows of context above the selection, as the eye reads down.
        table.scrollTo(Math.max(0, next - 5));
    }
}
