package com.voxanne.ops.alerts;

import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alerts list: hot lead alerts and calls that need attention over a recent period, newest
 * first, with how many are not acknowledged yet. New ones announced live are added at the top and
 * handed to the notifier (a pop-up in the window); managers and admins acknowledge them.
 */
public final class AlertsViewModel {

    /** How far back the list reaches. */
    public enum Period {
        DAY("Last 24 hours", Duration.ofDays(1)), THREE_DAYS("Last 3 days", Duration.ofDays(3)), WEEK("Last 7 days", Duration.ofDays(7));

        private final String label;
        private final Duration length;

        Period(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public static final BigDecimal DEFAULT_NEGATIVE_BELOW = new BigDecimal("0.30");
    private static final int LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(AlertsViewModel.class);

    // Properties: input
    private final ObjectProperty<Period> period = new SimpleObjectProperty<>(this, "period", Period.DAY);
    private final ObjectProperty<BigDecimal> negativeBelow = new SimpleObjectProperty<>(this, "negativeBelow", DEFAULT_NEGATIVE_BELOW);
    private final ObjectProperty<Alert> selected = new SimpleObjectProperty<>(this, "selected");

    // Properties: output
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObservableList<Alert> alertsView = FXCollections.unmodifiableObservableList(alerts);
    /**
     * New alerts announced while the list is shown wait here, behind the "N new alerts" pill: put
     * into the list at once they would push the rows down, and the row under the person's pointer
     * would become another caller's just as they click Acknowledge.
     */
    private final ObservableList<Alert> arrived = FXCollections.observableArrayList();
    private final IntegerBinding arrivedCount = Bindings.size(arrived);
    private final IntegerBinding unacknowledged = Bindings.createIntegerBinding(
            () -> (int) java.util.stream.Stream.concat(alerts.stream(), arrived.stream()).filter(a -> !a.acknowledged()).count(), alerts, arrived);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    private final AlertService service;
    private final BackgroundWork work;
    private final UUID orgId;
    private final ZoneId zone;
    private final boolean mayAcknowledge;
    private final Clock clock;
    private final Consumer<CallFilter> showCalls;
    private final BooleanBinding canAcknowledge;
    private final BooleanBinding canSendToReview;
    /** Set by the console for managers and admins; see {@link #setReviewSender}. */
    private Consumer<UUID> reviewSender;
    private Consumer<Alert> notifier = a -> { };
    private final LatestAnswer answers;

    public AlertsViewModel(AlertService service, Executor background, Executor fx, UUID orgId, ZoneId zone, boolean mayAcknowledge,
                           Clock clock, Consumer<CallFilter> showCalls) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.answers = new com.voxanne.ops.mvvm.LatestAnswer(work);
        this.orgId = orgId;
        this.zone = zone;
        this.mayAcknowledge = mayAcknowledge;
        this.clock = clock;
        this.showCalls = showCalls;
        this.canAcknowledge = Bindings.createBooleanBinding(() -> mayAcknowledge && selected.get() != null && !selected.get().acknowledged(),
                selected);
        this.canSendToReview = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().callId() != null, selected);
        period.addListener((obs, old, now) -> refresh());
        negativeBelow.addListener((obs, old, now) -> refresh());
    }

    /**
     * How a call goes to review (the quality review's queue; run off the JavaFX thread). Set by the
     * console for managers and admins, whom the database lets send; without it the alerts offer no
     * such button. A hook, so alerts do not depend on the quality review.
     */
    public void setReviewSender(Consumer<UUID> sender) {
        this.reviewSender = sender;
    }

    public boolean maySendToReview() {
        return reviewSender != null;
    }

    /** An alert with a call is selected (a hot lead may have none). */
    public BooleanBinding canSendToReview() {
        return canSendToReview;
    }

    /** Sends the selected alert's call to the Review queue, for anyone to take. */
    public void sendToReview() {
        Alert a = selected.get();
        if (!canSendToReview.get() || reviewSender == null) {
            return;
        }
        Consumer<UUID> sender = reviewSender;
        work.run(() -> {
            sender.accept(a.callId());
            return a;
        }, (sent, failure) -> message.set(failure != null ? BackgroundWork.sentence(failure, LOG, "Sending a call to review")
                : "Sent the call to review: it waits in the Review queue."));
    }

    /** Where a new alert is shown besides the list (a pop-up); not called for the first load. */
    public void setNotifier(Consumer<Alert> notifier) {
        this.notifier = notifier;
    }

    // Commands

    public void refresh() {
        Instant since = clock.instant().minus(period.get().length);
        BigDecimal below = threshold();
        loading.set(true);
        answers.ask(() -> service.since(orgId, since, below, LIMIT), (found, failure) -> {
            loading.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading alerts"));
                return;
            }
            message.set("");
            UUID keep = selected.get() == null ? null : selected.get().id();
            // A reload reads the held-back alerts too.
            arrived.clear();
            alerts.setAll(found);
            selected.set(found.stream().filter(a -> a.id().equals(keep)).findFirst().orElse(null));
        });
    }

    /**
     * Calls and hot lead alerts announced by the database (on the JavaFX thread): those that call
     * for attention are added or updated; the new ones are also handed to the notifier.
     */
    public void onChanges(List<Change> changes) {
        List<UUID> calls = Change.upserted(changes, "calls");
        List<UUID> hotLeads = Change.upserted(changes, "hot_lead_alerts");
        if (calls.isEmpty() && hotLeads.isEmpty()) {
            return;
        }
        BigDecimal below = threshold();
        Instant since = clock.instant().minus(period.get().length);
        answers.alongside(() -> {
            List<Alert> found = new java.util.ArrayList<>(service.forCalls(orgId, calls, below));
            found.addAll(service.hotLeads(orgId, hotLeads));
            return found;
        }, (found, failure) -> {
            if (failure != null) {
                LOG.warn("Reading announced alerts failed", failure);
                return;
            }
            for (Alert a : found) {
                if (a.createdAt().isBefore(since)) {
                    continue;
                }
                boolean isNew = place(a);
                if (isNew && !a.acknowledged()) {
                    notifier.accept(a);
                }
            }
        });
    }

    public BooleanBinding canAcknowledge() {
        return canAcknowledge;
    }

    public void acknowledge() {
        Alert alert = selected.get();
        if (alert == null || !canAcknowledge.get()) {
            return;
        }
        BigDecimal below = threshold();
        work.run(() -> service.acknowledge(orgId, alert, below), (result, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Acknowledging an alert"));
                return;
            }
            if (result instanceof AlertService.Acknowledged.Done done) {
                upsert(done.now());
                message.set("Acknowledged.");
            } else if (result instanceof AlertService.Acknowledged.AlreadyDone already) {
                upsert(already.now());
                message.set(already.now().acknowledgedBy() + " acknowledged this alert first.");
            }
        });
    }

    /** The calls behind the selected alert: the contact's calls of that day (or just that caller's number). */
    public void openCalls() {
        Alert a = selected.get();
        if (a == null) {
            return;
        }
        var day = a.createdAt().atZone(zone).toLocalDate();
        CallFilter f = a.contactId() != null ? CallFilter.NONE.withContact(a.contactId(), a.who()) : CallFilter.NONE;
        showCalls.accept(f.between(day, day));
    }

    /** The alerts held back behind the pill join the list, in their place by time (the view scrolls to the top). */
    public void showArrived() {
        List<Alert> waiting = List.copyOf(arrived);
        arrived.clear();
        waiting.forEach(this::upsert);
    }

    /**
     * An announced alert: into an empty list at once (nothing is under the pointer), in place of
     * its shown version, or else behind the pill. True when it is new.
     */
    private boolean place(Alert a) {
        if (alerts.isEmpty()) {
            return upsert(a);
        }
        return !replaceShown(a) && holdBack(a);
    }

    /** Replaces the shown alert with the same key (an acknowledgement, a change); false when none is shown. */
    private boolean replaceShown(Alert a) {
        for (int i = 0; i < alerts.size(); i++) {
            if (alerts.get(i).key().equals(a.key())) {
                alerts.set(i, a);
                if (selected.get() != null && selected.get().key().equals(a.key())) {
                    selected.set(a);
                }
                return true;
            }
        }
        return false;
    }

    /** Holds a new alert behind the pill, or replaces its earlier version there; true when it is new. */
    private boolean holdBack(Alert a) {
        for (int i = 0; i < arrived.size(); i++) {
            if (arrived.get(i).key().equals(a.key())) {
                arrived.set(i, a);
                return false;
            }
        }
        arrived.add(a);
        return true;
    }

    /** Adds the alert, or replaces the one with its key; true when it was not in the list. */
    private boolean upsert(Alert a) {
        for (int i = 0; i < alerts.size(); i++) {
            if (alerts.get(i).key().equals(a.key())) {
                alerts.set(i, a);
                if (selected.get() != null && selected.get().key().equals(a.key())) {
                    selected.set(a);
                }
                return false;
            }
        }
        int at = 0;
        while (at < alerts.size() && alerts.get(at).createdAt().isAfter(a.createdAt())) {
            at++;
        }
        alerts.add(at, a);
        return true;
    }

    private BigDecimal threshold() {
        BigDecimal b = negativeBelow.get();
        return b == null ? DEFAULT_NEGATIVE_BELOW : b.setScale(2, RoundingMode.HALF_UP);
    }

    // Accessors

    public ObjectProperty<Period> periodProperty() {
        return period;
    }

    /** Negative calls with a sentiment score below this raise an alert (0–1). */
    public ObjectProperty<BigDecimal> negativeBelowProperty() {
        return negativeBelow;
    }

    public ObjectProperty<Alert> selectedProperty() {
        return selected;
    }

    public ObservableList<Alert> alerts() {
        return alertsView;
    }

    /** How many new alerts wait behind the pill. */
    public IntegerBinding arrivedCount() {
        return arrivedCount;
    }

    public IntegerBinding unacknowledgedCount() {
        return unacknowledged;
    }

    public boolean mayAcknowledge() {
        return mayAcknowledge;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
