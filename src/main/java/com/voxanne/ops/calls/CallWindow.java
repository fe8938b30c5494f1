package com.voxanne.ops.calls;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows the call log shows: a window of at most a few thousand calls that slides over the log,
 * and the arithmetic of placing live calls in it without moving the row under the person's eyes.
 * The call log's view model owns it and decides what to read; this only keeps the rows in order
 * and says how far they moved above the first visible row. Used on the JavaFX thread only.
 */
final class CallWindow {

    private static final Logger LOG = LoggerFactory.getLogger(CallsViewModel.class);

    final ObservableList<CallSummary> rows = FXCollections.observableArrayList();
    // One read-only view, kept: a fresh unmodifiable wrapper per call would drop its listeners when collected.
    final ObservableList<CallSummary> rowsView = FXCollections.unmodifiableObservableList(rows);
    final ReadOnlyBooleanWrapper endReached = new ReadOnlyBooleanWrapper(this, "endReached", false);
    final ReadOnlyBooleanWrapper atHead = new ReadOnlyBooleanWrapper(this, "atHead", true);
    /** Rows added (positive) or removed (negative) above the window's old first row, for the view to keep its place. */
    final ReadOnlyIntegerWrapper shiftedAbove = new ReadOnlyIntegerWrapper(this, "shiftedAbove", 0);
    /** Calls that arrived live above what the person is looking at: the "N new calls" pill. */
    final ReadOnlyIntegerWrapper newCallsAbove = new ReadOnlyIntegerWrapper(this, "newCallsAbove", 0);
    java.util.function.IntSupplier firstVisibleRow = () -> 0;

    private final int size;

    CallWindow(int size) {
        this.size = size;
    }

    /** A page read below the window; as many rows leave at the top, so the window keeps its size. */
    void append(List<CallSummary> page, int pageSize) {
        rows.addAll(page);
        endReached.set(page.size() < pageSize);
        int excess = rows.size() - size;
        if (excess > 0) {
            rows.remove(0, excess);
            atHead.set(false);
            shifted(-excess);
        }
    }

    /** A page read above the window; as many rows leave at the bottom. */
    void prepend(List<CallSummary> page, int pageSize) {
        rows.addAll(0, page);
        atHead.set(page.size() < pageSize);
        shifted(page.size());
        trimBelow();
    }

    private void trimBelow() {
        int excess = rows.size() - size;
        if (excess > 0) {
            rows.remove(rows.size() - excess, rows.size());
            endReached.set(false);
        }
    }

    void removeLive(List<UUID> ids) {
        int top = firstVisibleRow.getAsInt();
        int shift = 0;
        for (UUID id : ids) {
            int i = indexOf(id);
            if (i >= 0) {
                rows.remove(i);
                if (i < top) {
                    shift--;
                    top--;
                }
            }
        }
        if (shift != 0) {
            shifted(shift);
        }
    }

    /**
     * Places calls read again through the filter: {@code matching} are those of {@code asked} that
     * match it. Those that no longer match leave; the others take their place in {@code order}, or
     * stay out when they belong beyond the window's ends. Rows placed above the first visible row
     * shift the view by as many, and the new ones among them count in the pill.
     */
    void mergeLive(List<UUID> asked, List<CallSummary> matching, java.util.Comparator<CallSummary> order) {
        java.util.Set<UUID> matched = new java.util.HashSet<>();
        matching.forEach(r -> matched.add(r.id()));
        // Calls that changed so that the filter no longer matches them leave the log.
        removeLive(asked.stream().filter(id -> !matched.contains(id)).toList());
        int top = firstVisibleRow.getAsInt();
        int wasTop = top;
        int shift = 0;
        int fresh = 0;
        for (CallSummary row : matching) {
            int i = indexOf(row.id());
            boolean isNew = i < 0;
            if (!isNew && staysInPlace(i, row, order)) {
                rows.set(i, row);
                continue;
            }
            if (!isNew) {
                rows.remove(i);
                if (i < top) {
                    shift--;
                    top--;
                }
            }
            int at = insertionPoint(row, order);
            boolean aboveWindow = at == 0 && !atHead.get() && !rows.isEmpty();
            boolean belowWindow = at == rows.size() && !endReached.get() && !rows.isEmpty();
            if (aboveWindow || belowWindow) {
                fresh += isNew && aboveWindow ? 1 : 0;
                continue;
            }
            rows.add(at, row);
            if (at < top || (at == top && top > 0)) {
                shift++;
                top++;
                fresh += isNew ? 1 : 0;
            }
        }
        if (shift != 0) {
            shifted(shift);
        }
        if (fresh > 0) {
            newCallsAbove.set(newCallsAbove.get() + fresh);
        }
        LOG.debug("Live calls: {} changed, {} match the filter; the first visible row was {}, {} went above it, {} new above it",
                asked.size(), matching.size(), wasTop, shift, fresh);
        trimBelow();
    }

    private boolean staysInPlace(int i, CallSummary row, java.util.Comparator<CallSummary> order) {
        return (i == 0 || order.compare(rows.get(i - 1), row) <= 0) && (i == rows.size() - 1 || order.compare(row, rows.get(i + 1)) <= 0);
    }

    private int insertionPoint(CallSummary row, java.util.Comparator<CallSummary> order) {
        int low = 0;
        int high = rows.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (order.compare(rows.get(mid), row) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private int indexOf(UUID id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    void shifted(int delta) {
        // Always a change, even for two equal shifts in a row: the view reacts to every one.
        shiftedAbove.set(0);
        shiftedAbove.set(delta);
    }
}
