package com.voxanne.ops.calls;

import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.db.Supersedable;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call log: a filter, a window of at most {@value #WINDOW} rows that slides over the log as the
 * person scrolls (keyset pages of {@value #PAGE_SIZE} fetched below or above it, and the far side
 * trimmed, so memory stays flat however far they scroll), the selected call's details and a search
 * inside its transcript. Every query runs on the background executor; a result that arrives after
 * the filter changed again is dropped.
 */
public final class CallsViewModel {

    public static final int PAGE_SIZE = 200;
    public static final int WINDOW = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(CallsViewModel.class);

    // Properties
    private final ReadOnlyObjectWrapper<CallFilter> filter = new ReadOnlyObjectWrapper<>(this, "filter", CallFilter.NONE);
    private final ObservableList<CallSummary> rows = FXCollections.observableArrayList();
    private final ObservableList<CallFilter.Chip> chips = FXCollections.observableArrayList();
    // One read-only view each, kept: a fresh unmodifiable wrapper per call would drop its listeners when collected.
    private final ObservableList<CallSummary> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<CallFilter.Chip> chipsView = FXCollections.unmodifiableObservableList(chips);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper endReached = new ReadOnlyBooleanWrapper(this, "endReached", false);
    private final ReadOnlyBooleanWrapper atHead = new ReadOnlyBooleanWrapper(this, "atHead", true);
    /** Rows added (positive) or removed (negative) above the window's old first row, for the view to keep its place. */
    private final ReadOnlyIntegerWrapper shiftedAbove = new ReadOnlyIntegerWrapper(this, "shiftedAbove", 0);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObjectProperty<CallSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<CallDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper detailsLoading = new ReadOnlyBooleanWrapper(this, "detailsLoading", false);
    private final StringProperty transcriptQuery = new SimpleStringProperty(this, "transcriptQuery", "");
    private final ReadOnlyObjectWrapper<List<Transcript.Match>> transcriptMatches =
            new ReadOnlyObjectWrapper<>(this, "transcriptMatches", List.of());
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);
    private final ReadOnlyIntegerWrapper historyDepth = new ReadOnlyIntegerWrapper(this, "historyDepth", 0);
    /** Calls that arrived live above what the person is looking at: the "N new calls" pill. */
    private final ReadOnlyIntegerWrapper newCallsAbove = new ReadOnlyIntegerWrapper(this, "newCallsAbove", 0);
    /** A bulk change touched too many calls to place one by one: the log offers to reload. */
    private final ReadOnlyBooleanWrapper reloadSuggested = new ReadOnlyBooleanWrapper(this, "reloadSuggested", false);
    private java.util.function.IntSupplier firstVisibleRow = () -> 0;

    private final CallLogService service;
    private final Executor background;
    private final Executor fx;
    private final UUID orgId;
    private final ZoneId zone;
    private final Deque<CallFilter> history = new ArrayDeque<>();
    private long generation;
    /** The current filter's page queries; superseded (stopped in the server) when the filter changes. */
    private Supersedable pages = new Supersedable();
    private final LatestAnswer detailAnswers;

    private java.util.function.Consumer<com.voxanne.ops.records.Appointment> appointmentOpener = a -> { };

    public CallsViewModel(CallLogService service, Executor background, Executor fx, UUID orgId, ZoneId zone) {
        this.service = service;
        this.detailAnswers = new LatestAnswer(work(background, fx));
        this.background = background;
        this.fx = fx;
        this.orgId = orgId;
        this.zone = zone;
        selected.addListener((obs, old, now) -> loadDetails(now));
        transcriptQuery.addListener((obs, old, now) -> findInTranscript());
        details.addListener((obs, old, now) -> findInTranscript());
    }

    // Commands

    /** Shows the log for a new filter; the previous one goes on the "Back" history. */
    public void apply(CallFilter next) {
        if (next.equals(filter.get())) {
            return;
        }
        history.push(filter.get());
        historyDepth.set(history.size());
        show(next);
    }

    public BooleanBinding canGoBack() {
        return historyDepth.greaterThan(0);
    }

    public void back() {
        if (!history.isEmpty()) {
            show(history.pop());
            historyDepth.set(history.size());
        }
    }

    /** Reloads the log from the top with the current filter. */
    public void refresh() {
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
        fetch(() -> service.page(page, ticket), result -> {
            rows.addAll(result);
            endReached.set(result.size() < PAGE_SIZE);
            int excess = rows.size() - WINDOW;
            if (excess > 0) {
                rows.remove(0, excess);
                atHead.set(false);
                shifted(-excess);
            }
        });
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
        fetch(() -> service.pageBefore(query, first), result -> {
            rows.addAll(0, result);
            atHead.set(result.size() < PAGE_SIZE);
            shifted(result.size());
            int excess = rows.size() - WINDOW;
            if (excess > 0) {
                rows.remove(rows.size() - excess, rows.size());
                endReached.set(false);
            }
        });
    }

    // Live updates

    /** Where the view's first visible row is, so calls arriving above it keep the person's place and count as new. */
    public void setFirstVisibleRow(java.util.function.IntSupplier firstVisible) {
        this.firstVisibleRow = firstVisible;
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
        removeLive(com.voxanne.ops.live.Change.deleted(changes, "calls"));
        List<UUID> upserted = com.voxanne.ops.live.Change.upserted(changes, "calls");
        if (upserted.isEmpty()) {
            return;
        }
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
            mergeLive(upserted, matching);
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
            mergeLive(considered, matching);
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

    private void removeLive(List<UUID> ids) {
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

    private void mergeLive(List<UUID> asked, List<CallSummary> matching) {
        java.util.Comparator<CallSummary> order = filter.get().sort().comparator();
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
        int excess = rows.size() - WINDOW;
        if (excess > 0) {
            rows.remove(rows.size() - excess, rows.size());
            endReached.set(false);
        }
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

    private void shifted(int delta) {
        // Always a change, even for two equal shifts in a row: the view reacts to every one.
        shiftedAbove.set(0);
        shiftedAbove.set(delta);
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

    /** The calls of the selected call's contact. */
    public void showCallsOfSelectedContact() {
        CallDetails d = details.get();
        if (d != null && d.contact().isPresent()) {
            var c = d.contact().get();
            apply(CallFilter.NONE.withContact(c.id(), c.fullName()));
        }
    }

    /** Where "open this appointment" goes: the appointments workspace, set by the shell. */
    public void setAppointmentOpener(java.util.function.Consumer<com.voxanne.ops.records.Appointment> opener) {
        this.appointmentOpener = opener;
    }

    public void openAppointment(com.voxanne.ops.records.Appointment appointment) {
        appointmentOpener.accept(appointment);
    }

    public void nextMatch() {
        moveMatch(1);
    }

    public void previousMatch() {
        moveMatch(-1);
    }

    private void moveMatch(int step) {
        int n = transcriptMatches.get().size();
        if (n > 0) {
            currentMatch.set(Math.floorMod(currentMatch.get() + step, n));
        }
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
        // A text search in the log carries over into the transcript, so the match is easy to find.
        transcriptQuery.set(next.text() == null ? "" : next.text().replaceAll("[\"'()|&!<>:*-]", " ").strip().split("\\s+")[0]);
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
            mergeLive(arrivedMeanwhile.stream().map(CallSummary::id).toList(), arrivedMeanwhile);
        }
    }

    private void restore(Shown before, CallFilter next) {
        if (before.rows().isEmpty()) {
            return;
        }
        if (!next.equals(before.filter())) {
            filter.set(before.filter());
            chips.setAll(before.filter().chips());
            if (!history.isEmpty() && history.peek().equals(before.filter())) {
                history.pop();
                historyDepth.set(history.size());
            }
        }
        rows.setAll(before.rows());
        endReached.set(before.endReached());
        atHead.set(before.atHead());
        selected.set(before.selected());
    }

    private void loadDetails(CallSummary row) {
        detailAnswers.forget();
        details.set(null);
        if (row == null) {
            detailsLoading.set(false);
            return;
        }
        detailsLoading.set(true);
        detailAnswers.ask(() -> service.details(row.id()), (result, failure) -> {
            detailsLoading.set(false);
            if (failure != null) {
                error.set(describe(failure));
                return;
            }
            result.ifPresentOrElse(details::set, () -> error.set("That call is no longer visible to you."));
        });
    }

    private void findInTranscript() {
        CallDetails d = details.get();
        List<Transcript.Match> matches = d == null ? List.of() : d.transcript().find(transcriptQuery.get());
        transcriptMatches.set(matches);
        currentMatch.set(matches.isEmpty() ? -1 : 0);
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
        return rowsView;
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
        return shiftedAbove.getReadOnlyProperty();
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

    public ReadOnlyObjectProperty<CallDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty detailsLoadingProperty() {
        return detailsLoading.getReadOnlyProperty();
    }

    public StringProperty transcriptQueryProperty() {
        return transcriptQuery;
    }

    public ReadOnlyObjectProperty<List<Transcript.Match>> transcriptMatchesProperty() {
        return transcriptMatches.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty currentMatchProperty() {
        return currentMatch.getReadOnlyProperty();
    }

    /** "3 of 7", or empty when nothing is searched. */
    public javafx.beans.binding.StringBinding matchSummary() {
        return Bindings.createStringBinding(() -> {
            if (transcriptQuery.get().isBlank()) {
                return "";
            }
            int n = transcriptMatches.get().size();
            return n == 0 ? "no match" : (currentMatch.get() + 1) + " of " + n;
        }, transcriptQuery, transcriptMatches, currentMatch);
    }

    public ZoneId zone() {
        return zone;
    }
}
