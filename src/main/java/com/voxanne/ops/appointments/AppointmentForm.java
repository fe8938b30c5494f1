package com.voxanne.ops.appointments;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.mvvm.OptimisticForm;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The selected appointment as a form: status, day, time (as a person types it, "9:30") and notes,
 * in the organization's time zone. Managers and admins save it; a conflict keeps what was typed.
 */
public final class AppointmentForm extends OptimisticForm<AgendaEntry> {

    public static final List<String> STATUSES = List.of("scheduled", "completed", "cancelled", "no-show");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final String BAD_TIME = "Write the time as hours and minutes, for example 9:30 or 14:00.";

    // Properties: input
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final StringProperty time = new SimpleStringProperty(this, "time", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    private final AppointmentService service;
    private final ZoneId zone;
    private final StringBinding timeProblem;

    AppointmentForm(AppointmentService service, ZoneId zone, boolean mayEdit, Executor background, Executor fx) {
        super("appointment", mayEdit, background, fx);
        this.service = service;
        this.zone = zone;
        watch(status, date, time, notes);
        timeProblem = Bindings.createStringBinding(() -> editingProperty().get() == null || parseTime(time.get()).isPresent() ? "" : BAD_TIME,
                time, editingProperty());
    }

    @Override
    protected void fill(AgendaEntry e) {
        status.set(e == null ? null : e.status());
        date.set(e == null ? null : e.scheduledAt().atZone(zone).toLocalDate());
        time.set(e == null ? "" : TIME.format(e.scheduledAt().atZone(zone)));
        notes.set(e == null || e.notes() == null ? "" : e.notes());
    }

    @Override
    protected boolean differs(AgendaEntry e) {
        var local = e.scheduledAt().atZone(zone);
        return !Objects.equals(status.get(), e.status())
                || !Objects.equals(date.get(), local.toLocalDate())
                || !parseTime(time.get()).map(t -> t.equals(local.toLocalTime().withSecond(0).withNano(0))).orElse(false)
                || !Objects.equals(notes.get(), e.notes() == null ? "" : e.notes());
    }

    @Override
    protected Optional<String> problem() {
        if (status.get() == null || !STATUSES.contains(status.get())) {
            return Optional.of("Choose a status: scheduled, completed, cancelled or no-show.");
        }
        if (date.get() == null) {
            return Optional.of("Choose the day of the appointment.");
        }
        return parseTime(time.get()).isPresent() ? Optional.empty() : Optional.of(BAD_TIME);
    }

    @Override
    protected Supplier<SaveResult<AgendaEntry>> writer(AgendaEntry base) {
        var change = new AppointmentService.Change(status.get(), date.get().atTime(parseTime(time.get()).orElseThrow()).atZone(zone).toInstant(),
                notes.get());
        return () -> service.save(base.id(), base.updatedAt(), change);
    }

    static Optional<LocalTime> parseTime(String text) {
        try {
            return Optional.of(LocalTime.parse(text == null ? "" : text.strip(), TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    /** The time field's problem alone ("" when it reads), for the line under that field. */
    public StringBinding timeProblem() {
        return timeProblem;
    }
}
