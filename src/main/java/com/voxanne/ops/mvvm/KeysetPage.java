package com.voxanne.ops.mvvm;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;

/**
 * A list read page by page as the person scrolls, by keyset (the next page starts after the last
 * row shown, so rows added meanwhile neither repeat nor go missing). {@link #refresh} starts again
 * from the first page, and an answer to an older refresh is dropped. Used on the JavaFX thread only.
 *
 * @param <R> the row
 */
public final class KeysetPage<R> {

    /** The next page after a row (null: the first page), as background work; called on the JavaFX thread, so it may read properties. */
    @FunctionalInterface
    public interface Source<R> {
        Supplier<List<R>> after(R last, int limit);
    }

    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final ObservableList<R> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper endReached = new ReadOnlyBooleanWrapper(this, "endReached", false);

    private final LatestAnswer pages;
    private final Source<R> source;
    private final int pageSize;
    private final Logger log;
    private final String reading;
    private final Consumer<String> tell;

    /**
     * @param reading what a failure was doing, for the log ("Listing contacts")
     * @param tell where the failure's sentence goes (the owner's error line), and "" once a page arrives
     */
    public KeysetPage(BackgroundWork work, Source<R> source, int pageSize, Logger log, String reading, Consumer<String> tell) {
        this.pages = new LatestAnswer(work);
        this.source = source;
        this.pageSize = pageSize;
        this.log = log;
        this.reading = reading;
        this.tell = tell;
    }

    /** Reloads from the first page, for example because the filter changed. */
    public void refresh() {
        pages.forget();
        rows.clear();
        endReached.set(false);
        loading.set(false);
        loadMore();
    }

    /** Reads the next page, unless one is on its way or the last one was read. */
    public void loadMore() {
        if (loading.get() || endReached.get()) {
            return;
        }
        Supplier<List<R>> next = source.after(rows.isEmpty() ? null : rows.get(rows.size() - 1), pageSize);
        loading.set(true);
        pages.ask(next, (page, failure) -> {
            loading.set(false);
            if (failure != null) {
                tell.accept(BackgroundWork.sentence(failure, log, reading));
                return;
            }
            tell.accept("");
            rows.addAll(page);
            endReached.set(page.size() < pageSize);
        });
    }

    /** Puts a newer version of rows in their place (a save, a live change); the order is kept. */
    public void replace(Predicate<R> which, UnaryOperator<R> now) {
        for (int i = 0; i < rows.size(); i++) {
            if (which.test(rows.get(i))) {
                rows.set(i, now.apply(rows.get(i)));
            }
        }
    }

    public ObservableList<R> rows() {
        return rowsView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endReachedProperty() {
        return endReached.getReadOnlyProperty();
    }
}
