package com.voxanne.ops.appointments;

import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallSummary;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * The appointments workspace: a day, week or month of appointments, the selected one with its
 * contact and booking call, and, for managers and admins, an edit form whose save never silently
 * overwrites someone else's change. A failed save keeps what was typed.
 */
public final class AppointmentsViewModel {

    private static final DateTimeFormatter DAY_NAME = DateTimeFormatter.ofPattern("EEEE d MMMM", java.util.Locale.UK);
    private static final Logger LOG = LoggerFactory.getLogger(AppointmentsViewModel.class);

    // Properties: the calendar
    private final ObjectProperty<CalendarSpan> span = new SimpleObjectProperty<>(this, "span", CalendarSpan.WEEK);
    private final ObjectProperty<LocalDate> anchor;
    private final ObservableList<AgendaEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<AgendaEntry> entriesView = FXCollections.unmodifiableObservableList(entries);
    private final ObservableList<DayLoad> days = FXCollections.observableArrayList();
    private final ObservableList<DayLoad> daysView = FXCollections.unmodifiableObservableList(days);
    private final ObjectProperty<AgendaEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyObjectWrapper<Optional<CallSummary>> bookingCall = new ReadOnlyObjectWrapper<>(this, "bookingCall", Optional.empty());
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    // Properties: the edit form
    private UUID pendingSelection;

    private final AppointmentService service;
    private final Executor background;
    private final Executor fx;
    private final UUID orgId;
    private final ZoneId zone;
    private final AppointmentForm form;
    private final Consumer<CallFilter> showCalls;
    private boolean refreshWhenClean;
    private final LatestAnswer views;
    private boolean movingToADay;

    public AppointmentsViewModel(AppointmentService service, Executor background, Executor fx, UUID orgId, ZoneId zone, LocalDate today,
                                 boolean mayEdit, Consumer<CallFilter> showCalls) {
        this.service = service;
        this.views = new LatestAnswer(new com.voxanne.ops.mvvm.BackgroundWork(background, fx));
        this.background = background;
        this.fx = fx;
        this.orgId = orgId;
        this.zone = zone;
        this.form = new AppointmentForm(service, zone, mayEdit, background, fx);
        this.showCalls = showCalls;
        this.anchor = new SimpleObjectProperty<>(this, "anchor", today);
        span.addListener((obs, o, n) -> refresh());
        anchor.addListener((obs, o, n) -> {
            if (!movingToADay) {
                refresh();
            }
        });
        selected.addListener((obs, o, n) -> select(n));
        form.setOnSaved(this::replace);
        // A reload the live feed asked for while the form had unsaved changes waits until they are saved or undone.
        form.dirty().addListener((obs, was, now) -> refreshIfCleanNow());
        form.savingProperty().addListener((obs, was, now) -> refreshIfCleanNow());
    }

    // Commands

    public void refresh() {
        if (span.get() == CalendarSpan.MONTH) {
            refreshMonth();
            return;
        }
        LocalDate day = anchor.get();
        CalendarSpan s = span.get();
        UUID keep = pendingSelection != null ? pendingSelection : selected.get() == null ? null : selected.get().id();
        latest(() -> service.between(orgId, s.start(day).atStartOfDay(zone).toInstant(), s.end(day).atStartOfDay(zone).toInstant()),
                result -> {
                    // Keep the selected appointment if it is still shown; otherwise let the view choose.
                    AgendaEntry kept = result.stream().filter(e -> e.id().equals(keep)).findFirst().orElse(null);
                    if (kept != null && kept.id().equals(pendingSelection)) {
                        pendingSelection = null;
                    }
                    days.clear();
                    selected.set(kept);
                    entries.setAll(result);
                });
    }

    /**
     * A month is a grid of days with their counts, not a list of every appointment: the busiest
     * clinic books 5,000 a month, more than anyone reads in a list, and counting them is an
     * index-only scan where listing them with their no-show signals is three look-ups each. A day
     * opens its agenda ({@link #openDay}).
     */
    private void refreshMonth() {
        LocalDate first = CalendarSpan.MONTH.start(anchor.get());
        LocalDate end = CalendarSpan.MONTH.end(anchor.get());
        latest(() -> service.days(orgId, first, end, zone), result -> {
            selected.set(null);
            entries.clear();
            days.setAll(result);
        });
    }

    /**
     * Loads what the calendar shows; only the answer to the newest request is applied (a person
     * clicking through weeks gets the week they stopped on), and a failure is one sentence.
     */
    private <T> void latest(Supplier<T> query, java.util.function.Consumer<T> apply) {
        loading.set(true);
        views.ask(query, (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                error.set(describe(failure));
                return;
            }
            error.set("");
            apply.accept(result);
        });
    }

    /** From the month grid: that day's agenda. */
    public void openDay(LocalDate day) {
        pendingSelection = null;
        showDay(day);
    }

    /** One load for the day, not one for the anchor's move and another for the span's. */
    private void showDay(LocalDate day) {
        if (span.get() == CalendarSpan.DAY) {
            if (day.equals(anchor.get())) {
                refresh();
            } else {
                anchor.set(day);
            }
            return;
        }
        movingToADay = true;
        try {
            anchor.set(day);
        } finally {
            movingToADay = false;
        }
        span.set(CalendarSpan.DAY);
    }

    /**
     * Appointments or contacts changed in the database (on the JavaFX thread): the agenda reloads,
     * but never under a form with unsaved changes; it waits until they are saved or undone.
     */
    public void onChanges(java.util.List<com.voxanne.ops.live.Change> changes) {
        if (!com.voxanne.ops.live.Change.touches(changes, "appointments") && !com.voxanne.ops.live.Change.touches(changes, "contacts")) {
            return;
        }
        if (form.dirty().get() || form.savingProperty().get()) {
            refreshWhenClean = true;
        } else {
            refresh();
        }
    }

    /** Shows the day of an appointment and selects it (from a call's contact, say). */
    public void open(UUID appointmentId, java.time.Instant scheduledAt) {
        pendingSelection = appointmentId;
        showDay(scheduledAt.atZone(zone).toLocalDate());
    }

    public void previous() {
        anchor.set(span.get().step(anchor.get(), -1));
    }

    public void next() {
        anchor.set(span.get().step(anchor.get(), 1));
    }

    public void today(LocalDate today) {
        anchor.set(today);
    }

    private void refreshIfCleanNow() {
        if (refreshWhenClean && !form.dirty().get() && !form.savingProperty().get()) {
            refreshWhenClean = false;
            refresh();
        }
    }

    public void openBookingCall() {
        bookingCall.get().ifPresent(call -> {
            LocalDate day = call.createdAt().atZone(zone).toLocalDate();
            showCalls.accept(CallFilter.NONE.withContact(call.contactId(), selected.get().contactName()).between(day, day));
        });
    }

    public void showCallsOfContact() {
        AgendaEntry e = selected.get();
        if (e != null) {
            showCalls.accept(CallFilter.NONE.withContact(e.contactId(), e.contactName()));
        }
    }

    // Internals

    private void select(AgendaEntry entry) {
        // The form already shows this very version after its own save: keep its "Saved." message.
        if (entry == null || !entry.equals(form.editingProperty().get())) {
            form.edit(entry);
        }
        bookingCall.set(Optional.empty());
        if (entry != null) {
            async(() -> service.bookingCall(orgId, entry), (call, failure) -> {
                if (failure == null && entry.equals(selected.get())) {
                    bookingCall.set(call);
                }
            });
        }
    }

    private void replace(AgendaEntry now) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id().equals(now.id())) {
                entries.set(i, now);
            }
        }
        selected.set(now);
    }

    private <T> void async(Supplier<T> work, BiConsumer<T, Throwable> done) {
        new com.voxanne.ops.mvvm.BackgroundWork(background, fx).run(work, done);
    }

    private static String describe(Throwable failure) {
        return com.voxanne.ops.mvvm.BackgroundWork.sentence(failure, LOG, "An appointments request");
    }

    // Accessors

    public ObjectProperty<CalendarSpan> spanProperty() {
        return span;
    }

    public ObjectProperty<LocalDate> anchorProperty() {
        return anchor;
    }

    public StringBinding title() {
        return Bindings.createStringBinding(() -> span.get().title(anchor.get()), span, anchor);
    }

    public ObservableList<AgendaEntry> entries() {
        return entriesView;
    }

    /** The month grid's days (empty unless the span is a month). */
    public ObservableList<DayLoad> days() {
        return daysView;
    }

    /** One line about the month shown, for the pane beside the grid. */
    public StringBinding monthSummary() {
        return Bindings.createStringBinding(() -> {
            int total = days.stream().mapToInt(DayLoad::total).sum();
            if (total == 0) {
                return days.isEmpty() ? "" : "No appointments this month.";
            }
            int noShows = days.stream().mapToInt(DayLoad::noShows).sum();
            int cancelled = days.stream().mapToInt(DayLoad::cancelled).sum();
            int scheduled = days.stream().mapToInt(DayLoad::scheduled).sum();
            DayLoad busiest = days.stream().max(java.util.Comparator.comparingInt(DayLoad::total)).orElseThrow();
            return String.format(java.util.Locale.UK, "%,d appointments this month: %,d still scheduled, %,d cancelled, %,d no-shows (%.0f %% of those due)."
                            + " The busiest day is %s with %,d. Pick a day to see its appointments and no-show risks.",
                    total, scheduled, cancelled, noShows, 100.0 * noShows / Math.max(1, total - scheduled - cancelled),
                    DAY_NAME.format(busiest.day()), busiest.total());
        }, days);
    }

    public ObjectProperty<AgendaEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Optional<CallSummary>> bookingCallProperty() {
        return bookingCall.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The selected appointment as a form. */
    public AppointmentForm form() {
        return form;
    }

    public ZoneId zone() {
        return zone;
    }
}
