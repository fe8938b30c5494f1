package com.voxanne.ops.ui;

import javafx.application.Platform;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Reads the next page of a keyset-paged table while the person scrolls towards its end (and, for
 * a sliding window, towards its start), before they get there: a row that comes into view within
 * {@link #AHEAD} rows of the end asks for more. The view model ignores asks while a page is on its
 * way, so asking often is harmless.
 */
public final class LoadOnScroll {

    /** About a screen and a half of rows on a 1366x768 laptop, so the next page is there before the person is. */
    public static final int AHEAD = 40;

    private LoadOnScroll() {
    }

    public static <R> void install(TableView<R> table, Runnable nearEnd) {
        install(table, nearEnd, () -> { });
    }

    public static <R> void install(TableView<R> table, Runnable nearEnd, Runnable nearStart) {
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            public void updateIndex(int index) {
                super.updateIndex(index);
                if (index < 0) {
                    return;
                }
                // Later, not now: the table is laying out its rows, and new rows would change them under it.
                if (index >= tv.getItems().size() - AHEAD) {
                    Platform.runLater(nearEnd);
                } else if (index < AHEAD) {
                    Platform.runLater(nearStart);
                }
            }
        });
    }
}
