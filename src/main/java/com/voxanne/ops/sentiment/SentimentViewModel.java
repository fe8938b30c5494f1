package com.voxanne.ops.sentiment;

import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.signals.SignalDay;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.signals.SignalService;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sentiment workspace: a period, the charts' numbers for it (computed by the database), and
 * drill-downs that open the calls workspace filtered to exactly the calls behind a bar.
 */
public final class SentimentViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SentimentViewModel.class);

    // Properties
    private final ObjectProperty<SentimentPeriod> period;
    private final ReadOnlyObjectWrapper<SentimentService.Overview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<java.util.List<SignalDay>> signalDays =
            new ReadOnlyObjectWrapper<>(this, "signalDays", java.util.List.of());
    private final SignalService signals;
    private final LatestAnswer signalAnswers;

    private final SentimentService service;
    private final Executor background;
    private final Executor fx;
    private final UUID orgId;
    private final ZoneId zone;
    private final Consumer<CallFilter> showCalls;
    private final LatestAnswer overviews;

    /** Without the signals chart (tools and tests that need none). */
    public SentimentViewModel(SentimentService service, Executor background, Executor fx, UUID orgId, ZoneId zone, LocalDate today,
                              Consumer<CallFilter> showCalls) {
        this(service, null, background, fx, orgId, zone, today, showCalls);
    }

    /** @param signals the signals chart's numbers; null leaves the chart out */
    public SentimentViewModel(SentimentService service, SignalService signals, Executor background, Executor fx, UUID orgId, ZoneId zone,
                              LocalDate today, Consumer<CallFilter> showCalls) {
        this.signals = signals;
        this.signalAnswers = new LatestAnswer(new BackgroundWork(background, fx));
        this.service = service;
        this.background = background;
        this.fx = fx;
        this.orgId = orgId;
        this.zone = zone;
        this.showCalls = showCalls;
        this.period = new SimpleObjectProperty<>(this, "period", SentimentPeriod.lastDays(30, today));
        this.overviews = new LatestAnswer(new BackgroundWork(background, fx));
        period.addListener((obs, old, now) -> refresh());
    }

    // Commands

    public void refresh() {
        SentimentPeriod p = period.get();
        if (signals != null) {
            SignalService asked = signals;
            signalAnswers.ask(() -> asked.perDay(orgId, p.startInstant(zone), p.endInstant(zone), java.time.Instant.now()), (days, failure) -> {
                if (failure != null) {
                    error.set(BackgroundWork.sentence(failure, LOG, "The signals chart"));
                    return;
                }
                signalDays.set(days);
            });
        }
        loading.set(true);
        overviews.ask(() -> service.overview(orgId, p, zone), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "The sentiment charts"));
                return;
            }
            error.set("");
            overview.set(result);
        });
    }

    /** The calls behind one segment of the mix chart: that bucket's days, that sentiment. */
    public void showCallsOf(LocalDate bucketStart, String sentimentLabel) {
        SentimentPeriod p = period.get();
        showCalls.accept(CallFilter.NONE.between(bucketStart, p.bucketEnd(bucketStart)).withSentimentLabels(Set.of(sentimentLabel)));
    }

    public void showCallsWithUrgency(String urgency) {
        showCalls.accept(periodFilter().withUrgencies(Set.of(urgency)));
    }

    public void showCallsWith(String direction, String status) {
        showCalls.accept(periodFilter().withDirections(Set.of(direction)).withStatuses(Set.of(status)));
    }

    /** A call needing attention, with the other negative calls of its day around it. */
    public void showAttentionCall(SentimentDao.AttentionCall call) {
        LocalDate day = call.createdAt().atZone(zone).toLocalDate();
        showCalls.accept(CallFilter.NONE.between(day, day).withSentimentLabels(Set.of("negative"))
                .withUrgencies(call.sentimentUrgency() == null ? Set.of() : Set.of(call.sentimentUrgency())));
    }

    /** The calls of one day that had one kind of signal: exactly the calls behind a bar of the signals chart. */
    public void showCallsWithSignal(LocalDate day, SignalKind kind) {
        showCalls.accept(CallFilter.NONE.between(day, day).withSignals(Set.of(kind)));
    }

    /** The period's calls with that kind of signal (the chart's legend). */
    public void showCallsWithSignal(SignalKind kind) {
        showCalls.accept(periodFilter().withSignals(Set.of(kind)));
    }

    /** Per day and kind, how many calls had a signal (docs/SIGNALS.md); empty without the signals. */
    public ReadOnlyObjectProperty<java.util.List<SignalDay>> signalDaysProperty() {
        return signalDays.getReadOnlyProperty();
    }

    public boolean showsSignals() {
        return signals != null;
    }

    private CallFilter periodFilter() {
        return CallFilter.NONE.between(period.get().from(), period.get().to());
    }

    public ObjectProperty<SentimentPeriod> periodProperty() {
        return period;
    }

    public ReadOnlyObjectProperty<SentimentService.Overview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
