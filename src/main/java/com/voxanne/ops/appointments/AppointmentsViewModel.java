package com.voxanne.ops.appointments;

import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallSummary;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * The appointments workspace: a day, week or month of appointments, the selected one with its
 * contact and booking call, and, for managers and admins, an edit form whose save never silently
 * overwrites someone else's change. A failed save keeps what was typed.
 */
public final class AppointmentsViewModel {

    public static final List<String> STATUSES = List.of("scheduled", "completed", "cancelled", "no-show");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
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
    private final ObjectProperty<String> editStatus = new SimpleObjectProperty<>(this, "editStatus");
    private final ObjectProperty<LocalDate> editDate = new SimpleObjectProperty<>(this, "editDate");
    private final StringProperty editTime = new SimpleStringProperty(this, "editTime", "");
    private final StringProperty editNotes = new SimpleStringProperty(this, "editNotes", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private AgendaEntry conflicting;
    private UUID pendingSelection;

    private final AppointmentService service;
    private final Executor background;
    private final Executor fx;
    private final UUID orgId;
    private final ZoneId zone;
    private final boolean mayEdit;
    private final Consumer<CallFilter> showCalls;
    private final BooleanBinding dirty;
    private boolean refreshWhenClean;
    private final StringBinding timeProblem;
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
        this.mayEdit = mayEdit;
        this.showCalls = showCalls;
        this.anchor = new SimpleObjectProperty<>(this, "anchor", today);
        span.addListener((obs, o, n) -> refresh());
        anchor.addListener((obs, o, n) -> {
            if (!movingToADay) {
                refresh();
            }
        });
        selected.addListener((obs, o, n) -> select(n));
        dirty = Bindings.createBooleanBinding(this::formDiffers, selected, editStatus, editDate, editTime, editNotes);
        dirty.addListener((obs, was, now) -> {
            if (!now && refreshWhenClean && !saving.get()) {
                refreshWhenClean = false;
                refresh();
            }
        });
        timeProblem = Bindings.createStringBinding(() -> parseTime(editTime.get()).isPresent() || selected.get() == null
                ? "" : "Write the time as hours and minutes, for example 9:30 or 14:00.", editTime, selected);
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
        if (dirty.get() || saving.get()) {
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

    public BooleanBinding canSave() {
        return Bindings.createBooleanBinding(() -> mayEdit && selected.get() != null && dirty.get() && !saving.get()
                && timeProblem.get().isEmpty() && editDate.get() != null && editStatus.get() != null, selected, dirty, saving, timeProblem, editDate,
                editStatus);
    }

    /** Saves the form; on a conflict the typed values stay and {@link #reload()} brings in the other version. */
    public void save() {
        AgendaEntry base = selected.get();
        Optional<LocalTime> time = parseTime(editTime.get());
        if (base == null || time.isEmpty() || editDate.get() == null) {
            return;
        }
        var change = new AppointmentService.Change(editStatus.get(), editDate.get().atTime(time.get()).atZone(zone).toInstant(), editNotes.get());
        saving.set(true);
        message.set("");
        async(() -> service.save(base.id(), base.updatedAt(), change), (result, failure) -> {
            saving.set(false);
            if (failure != null) {
                message.set(describe(failure));
                return;
            }
            if (result instanceof AppointmentService.SaveResult.Saved saved) {
                replace(saved.now());
                conflict.set(false);
                message.set("Saved.");
            } else if (result instanceof AppointmentService.SaveResult.Conflict c) {
                conflicting = c.now();
                conflict.set(true);
                message.set("Someone else changed this appointment after you opened it. Nothing was overwritten: "
                        + "reload to see their version, then make your change again.");
            } else if (result instanceof AppointmentService.SaveResult.Gone) {
                message.set("This appointment no longer exists.");
            } else {
                message.set("The database did not let you change this appointment.");
            }
        });
    }

    /** After a conflict: shows the other person's version (the typed changes are discarded on purpose). */
    public void reload() {
        if (conflicting != null) {
            replace(conflicting);
            conflicting = null;
        }
        conflict.set(false);
        message.set("");
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
        conflict.set(false);
        conflicting = null;
        message.set("");
        fillForm(entry);
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
        fillForm(now);
    }

    private void fillForm(AgendaEntry e) {
        editStatus.set(e == null ? null : e.status());
        editDate.set(e == null ? null : e.scheduledAt().atZone(zone).toLocalDate());
        editTime.set(e == null ? "" : TIME.format(e.scheduledAt().atZone(zone)));
        editNotes.set(e == null || e.notes() == null ? "" : e.notes());
    }

    private boolean formDiffers() {
        AgendaEntry e = selected.get();
        if (e == null) {
            return false;
        }
        var local = e.scheduledAt().atZone(zone);
        return !Objects.equals(editStatus.get(), e.status())
                || !Objects.equals(editDate.get(), local.toLocalDate())
                || !parseTime(editTime.get()).map(t -> t.equals(local.toLocalTime().withSecond(0).withNano(0))).orElse(false)
                || !Objects.equals(editNotes.get(), e.notes() == null ? "" : e.notes());
    }

    static Optional<LocalTime> parseTime(String text) {
        try {
            return Optional.of(LocalTime.parse(text == null ? "" : text.strip(), TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
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

    public ObjectProperty<String> editStatusProperty() {
        return editStatus;
    }

    public ObjectProperty<LocalDate> editDateProperty() {
        return editDate;
    }

    public StringProperty editTimeProperty() {
        return editTime;
    }

    public StringProperty editNotesProperty() {
        return editNotes;
    }

    public StringBinding timeProblem() {
        return timeProblem;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    public ZoneId zone() {
        return zone;
    }
}
