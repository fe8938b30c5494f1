package com.voxanne.ops.calls;

import com.voxanne.ops.db.Supersedable;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log: a filter with its "Back" history, a window of at most {@value #WINDOW} rows that
 * slides over the log as the person scrolls (keyset pages of {@value #PAGE_SIZE} fetched below or
 * above it, and the far side trimmed, so memory stays flat however far they scroll; see
 * {@link CallWindow}), and live calls merged into it. The selected call in detail is
 * {@link CallDetailViewModel}'s. Every query runs on the background executor; a result that
 * arrives after the filter changed again is dropped.
 */
public final class CallsViewModel {

    public static final int PAGE_SIZE = 200;
    public static final int WINDOW = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(CallsViewModel.class);

    // Properties
    private final ReadOnlyObjectWrapper<CallFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", CallFilter.NONE);
    private final ObservableList<CallFilter.Chip> chips = FXCollections.observableArrayList();
    // One read-only view each, kept: a fresh unmodifiable wrapper per call would drop its listeners when collected.
    private final ObservableList<CallFilter.Chip> chipsView = FXCollections.unmodifiableObservableList(chips);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<CallSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyIntegerWrapper historyDepth = new ReadOnlyIntegerWrapper(this, "historyDepth", 0);
    /** A bulk change touched too many calls to place one by one: the log offers to reload. */
    private final ReadOnlyBooleanWrapper reloadSuggested = new ReadOnlyBooleanWrapper(this, "reloadSuggested", false);

    private final CallLogService service;
    private final Executor background;
    private final Executor fx;
    private final UUID orgId;
    private final ZoneId zone;
    /** The rows shown: a window of the log that slides as the person scrolls. */
    private final CallWindow window = new CallWindow(WINDOW);
    private final ObservableList<CallSummary> rows = window.rows;
    private final ReadOnlyBooleanWrapper endReached = window.endReached;
    private final ReadOnlyBooleanWrapper atHead = window.atHead;
    private final ReadOnlyIntegerWrapper newCallsAbove = window.newCallsAbove;
    private final Deque<Step> history = new ArrayDeque<>();
    private final ReadOnlyStringWrapper backText = new ReadOnlyStringWrapper(this, "backText", "Back");

    /**
     * Where a drill-down came from (the sentiment chart, an alert, a contact): "Back" returns
     * there, not only to the log's previous filter.
     */
    public record Origin(String name, Runnable show) {
    }

    /** One "Back" step: the filter to give back, and the workspace to return to, if the filter came from one. */
    private record Step(CallFilter filter, Origin origin) {
    }
    private long generation;
    /** The current filter's page queries; superseded (stopped in the server) when the filter changes. */
    private Supersedable pages = new Supersedable();
    private final CallDetailViewModel detail;
    /** Each shown call's signals and what happened after it, read after its page, for the Outcome column. */
    private final javafx.collections.ObservableMap<UUID, com.voxanne.ops.signals.CallOutcome> outcomes =
            javafx.collections.FXCollections.observableHashMap();
    private final java.util.Set<UUID> outcomesAsked = new java.util.HashSet<>();
    private final javafx.collections.ObservableMap<UUID, com.voxanne.ops.signals.CallOutcome> outcomesView =
            javafx.collections.FXCollections.unmodifiableObservableMap(outcomes);

    public CallsViewModel(CallLogService service, Executor background, Executor fx, UUID orgId, ZoneId zone) {
        this.service = service;
        this.background = background;
        this.fx = fx;
        this.orgId = orgId;
        this.zone = zone;
        this.detail = new CallDetailViewModel(service, work(background, fx), zone, selected, error::set, this::apply);
        rows.addListener((javafx.collections.ListChangeListener<CallSummary>) c -> askOutcomes());
    }

    /**
     * Reads the outcomes of the shown calls that have none yet, in one question per change of the
     * window (a page), and forgets those of calls that left it. A failure leaves the column empty:
     * the log's own line says when the database is gone.
     */
    private void askOutcomes() {
        java.util.Set<UUID> shown = rows.stream().map(CallSummary::id).collect(java.util.stream.Collectors.toSet());
        outcomes.keySet().retainAll(shown);
        outcomesAsked.retainAll(shown);
        List<UUID> missing = shown.stream().filter(id -> !outcomes.containsKey(id) && outcomesAsked.add(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        async(() -> service.outcomes(orgId, missing), (found, failure) -> {
            if (failure != null) {
                outcomesAsked.removeAll(missing);
                LOG.debug("The outcomes of {} calls could not be read", missing.size(), failure);
                return;
            }
            found.forEach((id, outcome) -> {
                if (outcomesAsked.contains(id)) {
                    outcomes.put(id, outcome);
                }
            });
        });
    }

    /** The query with its signals turned into the calls that have them (blocking: for the background, an export's). */
    public CallLogQuery resolve(CallLogQuery query) {
        return service.resolve(query);
    }

    /** The shown calls' outcomes by id (filled in shortly after each page). */
    public javafx.collections.ObservableMap<UUID, com.voxanne.ops.signals.CallOutcome> outcomes() {
        return outcomesView;
    }

    // Commands

    /** Shows the log for a new filter; the previous one goes on the "Back" history. */
    public void apply(CallFilter next) {
        apply(next, null);
    }

    /** A drill-down from another workspace: "Back" gives the previous filter back and returns to {@code origin}. */
    public void apply(CallFilter next, Origin origin) {
        if (next.equals(filter.get()) && origin == null) {
            return;
        }
        history.push(new Step(filter.get(), origin));
        historyChanged();
        show(next);
    }

    private void historyChanged() {
        historyDepth.set(history.size());
        Step top = history.peek();
        backText.set(top != null && top.origin() != null ? "Back to " + top.origin().name() : "Back");
    }

    /** "Back", or "Back to Sentiment" when Back returns to the workspace the filter came from. */
    public ReadOnlyStringProperty backTextProperty() {
        return backText.getReadOnlyProperty();
    }

    public BooleanBinding canGoBack() {
        return historyDepth.greaterThan(0);
    }

    public void back() {
        if (!history.isEmpty()) {
            Step step = history.pop();
            historyChanged();
            show(step.filter());
            if (step.origin() != null) {
                step.origin().show().run();
            }
        }
    }

    /** Reloads the log from the top with the current filter. */
    public void refresh() {
        service.forgetSignals();
        outcomes.clear();
        outcomesAsked.clear();
        show(filter.get());
    }

    /** Fetches the next page after the last loaded row, unless one is on its way or the end was reached. */
    public void loadMore() {
        if (loading.get() || endReached.get()) {
            return;
        }
        CallLogQuery query = filter.get().toQuery(orgId, zone, PAGE_SIZE);
        if (!rows.isEmpty()) {
            query = query.after(rows.get(rows.size() - 1).cursor());
        }
        CallLogQuery page = query;
        Supersedable ticket = pages;
        fetch(() -> service.page(page, ticket), result -> window.append(result, PAGE_SIZE));
    }

    /** Runs a page query; its rows reach {@code apply} only if the filter has not changed meanwhile. */
    private void fetch(Supplier<List<CallSummary>> query, java.util.function.Consumer<List<CallSummary>> apply) {
        fetch(query, apply, () -> { });
    }

    /** The same, with what to do before the failure is shown. */
    private void fetch(Supplier<List<CallSummary>> query, java.util.function.Consumer<List<CallSummary>> apply, Runnable failed) {
        long asked = generation;
        loading.set(true);
        async(query, (result, failure) -> {
            if (asked != generation) {
                return;
            }
            loading.set(false);
            if (failure != null) {
                failed.run();
                error.set(describe(failure));
                return;
            }
            error.set("");
            apply.accept(result);
        });
    }

    /** Fetches the page just above the window, when the window no longer starts at the top of the log. */
    public void loadNewer() {
        if (loading.get() || atHead.get() || rows.isEmpty()) {
            return;
        }
        CallLogQuery query = filter.get().toQuery(orgId, zone, PAGE_SIZE);
        CallSummary first = rows.get(0);
        fetch(() -> service.pageBefore(query, first), result -> window.prepend(result, PAGE_SIZE));
    }

    // Live updates

    /** Where the view's first visible row is, so calls arriving above it keep the person's place and count as new. */
    public void setFirstVisibleRow(java.util.function.IntSupplier firstVisible) {
        window.firstVisibleRow = firstVisible;
    }

    /**
     * Calls the database announced as new, changed or deleted (on the JavaFX thread). Changed and
     * new ones are read again through the current filter: those that match take their place in
     * the log, those that no longer match leave it. Rows placed above the first visible row keep
     * the person's place (the view scrolls by as many) and the new ones show in the pill.
     */
    public void onChanges(List<com.voxanne.ops.live.Change> changes) {
        if (com.voxanne.ops.live.Change.bulkIn(changes, "calls")) {
            reloadSuggested.set(true);
        }
        window.removeLive(com.voxanne.ops.live.Change.deleted(changes, "calls"));
        List<UUID> upserted = com.voxanne.ops.live.Change.upserted(changes, "calls");
        if (upserted.isEmpty()) {
            return;
        }
        // A changed call may have new signals: its outcome is read again once it is back in the window.
        upserted.forEach(outcomes::remove);
        outcomesAsked.removeAll(upserted);
        long asked = generation;
        CallLogQuery query = filter.get().toQuery(orgId, zone, PAGE_SIZE);
        async(() -> service.matching(query, upserted), (matching, failure) -> {
            if (asked != generation) {
                return;
            }
            if (failure != null) {
                error.set(describe(failure));
                return;
            }
            window.mergeLive(upserted, matching, order());
        });
    }

    /**
     * The database answers again after it did not: what changed meanwhile joins the log the way live
     * calls do, so the person keeps their place and their selection (a reload would take them to the
     * top). The calls in the window are read again through the filter and the newer ones above it
     * are added; more than a page of newer calls is offered through the pill instead.
     */
    public void catchUp() {
        if (rows.isEmpty()) {
            refresh();
            return;
        }
        long asked = generation;
        CallLogQuery query = filter.get().toQuery(orgId, zone, PAGE_SIZE);
        CallSummary first = rows.get(0);
        boolean head = atHead.get();
        List<UUID> shown = rows.stream().map(CallSummary::id).toList();
        record Found(List<CallSummary> newer, List<CallSummary> again) {
        }
        async(() -> new Found(head ? service.pageBefore(query, first) : List.of(), service.matching(query, shown)), (found, failure) -> {
            if (asked != generation) {
                return;
            }
            if (failure != null) {
                error.set(describe(failure));
                return;
            }
            error.set("");
            if (found.newer().size() >= PAGE_SIZE) {
                reloadSuggested.set(true);
            }
            List<CallSummary> newer = found.newer().size() >= PAGE_SIZE ? List.of() : found.newer();
            List<UUID> considered = new java.util.ArrayList<>(shown);
            newer.forEach(r -> considered.add(r.id()));
            List<CallSummary> matching = new java.util.ArrayList<>(found.again());
            matching.addAll(newer);
            window.mergeLive(considered, matching, order());
        });
    }

    /** The person looked at the newest calls (clicked the pill, or scrolled to the top). */
    public void showNewest() {
        newCallsAbove.set(0);
        if (!atHead.get() || reloadSuggested.get()) {
            reloadSuggested.set(false);
            refresh();
        }
    }

    public void newCallsSeen() {
        if (atHead.get()) {
            newCallsAbove.set(0);
        }
    }

    /**
     * Contacts for the contact filter's suggestions. Blocking: the suggestion popup calls it on its
     * own background thread, never on the JavaFX thread.
     */
    public List<com.voxanne.ops.records.Contact> contactSuggestions(String typed) {
        return service.contactsStartingWith(orgId, typed);
    }

    public void filterByContact(com.voxanne.ops.records.Contact contact) {
        apply(filter.get().withContact(contact.id(), contact.fullName()));
    }

    /**
     * Shows the log for {@code next}, from its first page. When that page cannot be read (the
     * server is gone) the log gets back what it showed, under the filter that found it, with the
     * reason beside it: nothing loaded is lost to a failed request.
     */
    private void show(CallFilter next) {
        Shown before = new Shown(filter.get(), List.copyOf(rows), endReached.get(), atHead.get(), selected.get());
        generation++;
        pages.supersede();
        Supersedable ticket = pages = new Supersedable();
        newCallsAbove.set(0);
        reloadSuggested.set(false);
        filter.set(next);
        chips.setAll(next.chips());
        rows.clear();
        endReached.set(false);
        atHead.set(true);
        selected.set(null);
        detail.searchTranscriptFor(next);
        CallLogQuery first = next.toQuery(orgId, zone, PAGE_SIZE);
        fetch(() -> service.page(first, ticket), this::showFirstPage, () -> restore(before, next));
    }

    /** What the log showed before a new filter, to give back if the filter's first page cannot be read. */
    private record Shown(CallFilter filter, List<CallSummary> rows, boolean endReached, boolean atHead, CallSummary selected) {
    }

    private void showFirstPage(List<CallSummary> page) {
        // Calls announced while the page was on its way were merged into the empty log; the page may or may not
        // hold them (it depends on when its snapshot was taken): those it lacks are merged again, so each is there once.
        java.util.Set<UUID> paged = page.stream().map(CallSummary::id).collect(java.util.stream.Collectors.toSet());
        List<CallSummary> arrivedMeanwhile = rows.stream().filter(r -> !paged.contains(r.id())).toList();
        rows.setAll(page);
        endReached.set(page.size() < PAGE_SIZE);
        if (!arrivedMeanwhile.isEmpty()) {
            window.mergeLive(arrivedMeanwhile.stream().map(CallSummary::id).toList(), arrivedMeanwhile, order());
        }
    }

    private void restore(Shown before, CallFilter next) {
        if (before.rows().isEmpty()) {
            return;
        }
        if (!next.equals(before.filter())) {
            filter.set(before.filter());
            chips.setAll(before.filter().chips());
            if (!history.isEmpty() && history.peek().filter().equals(before.filter())) {
                history.pop();
                historyChanged();
            }
        }
        rows.setAll(before.rows());
        endReached.set(before.endReached());
        atHead.set(before.atHead());
        selected.set(before.selected());
    }

    private java.util.Comparator<CallSummary> order() {
        return filter.get().sort().comparator();
    }

    private <T> void async(Supplier<T> work, java.util.function.BiConsumer<T, Throwable> done) {
        work(background, fx).run(work, done);
    }

    private static String describe(Throwable failure) {
        return com.voxanne.ops.mvvm.BackgroundWork.sentence(failure, LOG, "A call log query");
    }

    private static com.voxanne.ops.mvvm.BackgroundWork work(Executor background, Executor fx) {
        return new com.voxanne.ops.mvvm.BackgroundWork(background, fx);
    }

    // Accessors

    public ReadOnlyObjectProperty<CallFilter> filterProperty() {
        return filter.getReadOnlyProperty();
    }

    public ObservableList<CallSummary> rows() {
        return window.rowsView;
    }

    public ObservableList<CallFilter.Chip> chips() {
        return chipsView;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty atHeadProperty() {
        return atHead.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shiftedAboveProperty() {
        return window.shiftedAbove.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty newCallsAboveProperty() {
        return newCallsAbove.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty reloadSuggestedProperty() {
        return reloadSuggested.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty endReachedProperty() {
        return endReached.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObjectProperty<CallSummary> selectedProperty() {
        return selected;
    }

    /** The selected call in detail, and the search in its transcript. */
    public CallDetailViewModel detail() {
        return detail;
    }

    public ZoneId zone() {
        return zone;
    }
}
