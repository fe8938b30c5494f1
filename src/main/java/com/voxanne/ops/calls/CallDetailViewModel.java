package com.voxanne.ops.calls;

import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.records.Appointment;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selected call in detail: the call, its contact, tracking and appointments (read when the
 * selection changes, the newest selection's answer only), and a search inside its transcript,
 * which steps through the matches. The call log owns the selection; this follows it.
 */
public final class CallDetailViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CallDetailViewModel.class);

    private final ReadOnlyObjectWrapper<CallDetails> details = new ReadOnlyObjectWrapper<>(this, "details");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "detailsLoading", false);
    private final StringProperty transcriptQuery = new SimpleStringProperty(this, "transcriptQuery", "");
    private final ReadOnlyObjectWrapper<List<Transcript.Match>> transcriptMatches =
            new ReadOnlyObjectWrapper<>(this, "transcriptMatches", List.of());
    private final ReadOnlyIntegerWrapper currentMatch = new ReadOnlyIntegerWrapper(this, "currentMatch", -1);

    private final CallLogService service;
    private final LatestAnswer answers;
    private final ZoneId zone;
    private final Consumer<String> tell;
    private final Consumer<CallFilter> showCalls;
    private Consumer<Appointment> appointmentOpener = a -> { };

    /**
     * @param tell where a failure's sentence goes (the call log's error line)
     * @param showCalls shows the call log for a filter (the contact's calls)
     */
    CallDetailViewModel(CallLogService service, BackgroundWork work, ZoneId zone, ObservableValue<CallSummary> selected,
                        Consumer<String> tell, Consumer<CallFilter> showCalls) {
        this.service = service;
        this.answers = new LatestAnswer(work);
        this.zone = zone;
        this.tell = tell;
        this.showCalls = showCalls;
        selected.addListener((obs, old, now) -> load(now));
        transcriptQuery.addListener((obs, old, now) -> findInTranscript());
        details.addListener((obs, old, now) -> findInTranscript());
    }

    /** A text search in the log carries over into the transcript, so the match is easy to find. */
    void searchTranscriptFor(CallFilter filter) {
        transcriptQuery.set(filter.text() == null ? "" : filter.text().replaceAll("[\"'()|&!<>:*-]", " ").strip().split("\\s+")[0]);
    }

    /** The calls of the shown call's contact, in the call log. */
    public void showCallsOfContact() {
        CallDetails d = details.get();
        if (d != null && d.contact().isPresent()) {
            var c = d.contact().get();
            showCalls.accept(CallFilter.NONE.withContact(c.id(), c.fullName()));
        }
    }

    /** The log for the day of {@code moment} (the caller's later call, say), of the shown call's contact when it has one. */
    public void showCallsOn(java.time.Instant moment) {
        CallDetails d = details.get();
        java.time.LocalDate day = moment.atZone(zone).toLocalDate();
        CallFilter filter = CallFilter.NONE.between(day, day);
        if (d != null && d.contact().isPresent()) {
            filter = filter.withContact(d.contact().get().id(), d.contact().get().fullName());
        }
        showCalls.accept(filter);
    }

    /** Where "open this appointment" goes: the appointments workspace, set by the shell. */
    public void setAppointmentOpener(Consumer<Appointment> opener) {
        this.appointmentOpener = opener;
    }

    public void openAppointment(Appointment appointment) {
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

    private void load(CallSummary row) {
        answers.forget();
        details.set(null);
        if (row == null) {
            loading.set(false);
            return;
        }
        loading.set(true);
        answers.ask(() -> service.details(row.id()), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                tell.accept(BackgroundWork.sentence(failure, LOG, "Reading a call"));
                return;
            }
            result.ifPresentOrElse(details::set, () -> tell.accept("That call is no longer visible to you."));
        });
    }

    private void findInTranscript() {
        CallDetails d = details.get();
        List<Transcript.Match> matches = d == null ? List.of() : d.transcript().find(transcriptQuery.get());
        transcriptMatches.set(matches);
        currentMatch.set(matches.isEmpty() ? -1 : 0);
    }

    public ReadOnlyObjectProperty<CallDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
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
    public StringBinding matchSummary() {
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
