package com.voxanne.ops.quality;

import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
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
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Review workspace: the calls waiting for review, the queue's size and age, each reviewer's
 * day, and "Next", which asks the database for the next call (nobody else gets it) and opens it
 * for evaluation. Live: a change another console made updates the rows in place and adds new
 * ones at the end, so the row under the pointer never moves; reviewed ones stay, marked, until
 * the person refreshes.
 */
public final class ReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewViewModel.class);
    private static final int SHOWN = 500;

    private final ReviewQueueService queue;
    private final EvaluationViewModel evaluation;
    private final BackgroundWork work;
    private final LatestAnswer loads;
    private final Clock clock;
    private final ZoneId zone;
    private final boolean mayReview;

    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObservableList<QueueItem> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ObservableSet<UUID> reviewed = FXCollections.observableSet(new HashSet<>());
    private final ObservableSet<UUID> reviewedView = FXCollections.unmodifiableObservableSet(reviewed);
    private final ObservableList<Reviewer> reviewers = FXCollections.observableArrayList();
    private final ObservableList<Reviewer> reviewersView = FXCollections.unmodifiableObservableList(reviewers);
    private final ReadOnlyObjectWrapper<QueueStats> stats = new ReadOnlyObjectWrapper<>(this, "stats", new QueueStats(0, null, List.of()));
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final String nothingLeft;

    /** What Next says to an empty queue on a server, where there is a sample to raise and calls to send. */
    public static final String NOTHING_LEFT_ONLINE =
            "Nothing waits for review. Send calls to review from the call log, or raise the daily sample.";

    /** @param nothingLeft what Next says to an empty queue (offline the queue is the bundle, with no sample to raise) */
    public ReviewViewModel(ReviewQueueService queue, EvaluationViewModel evaluation, Executor background, Executor fx, Clock clock,
                           ZoneId zone, boolean mayReview, String nothingLeft) {
        this.queue = queue;
        this.evaluation = evaluation;
        this.work = new BackgroundWork(background, fx);
        this.loads = new LatestAnswer(work);
        this.clock = clock;
        this.zone = zone;
        this.mayReview = mayReview;
        this.nothingLeft = nothingLeft;
        evaluation.setOnSubmitted(e -> {
            reviewed.add(e.callId());
            message.set("Submitted (" + EvaluationViewModel.scoreWords(e) + "). Press N for the next call.");
            refreshInPlace();
        });
    }

    // Commands

    /** Fills the queue (managers: the day's sample and the signals always reviewed) and reads it again from the top. */
    public void refresh() {
        loading.set(true);
        loads.ask(() -> {
            if (mayReview) {
                queue.topUp(clock.instant());
            }
            return new Read(queue.waiting(null, SHOWN), queue.stats(LocalDate.now(clock.withZone(zone)), zone),
                    mayReview ? queue.reviewers() : List.of());
        }, (read, failure) -> {
            loading.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading the review queue"));
                return;
            }
            reviewed.clear();
            items.setAll(read.items());
            stats.set(read.stats());
            reviewers.setAll(read.reviewers());
            if (!mayReview) {
                message.set("Managers and admins review calls; you see the queue.");
            }
        });
    }

    /** Takes the next call (the reviewer's own unfinished one, one assigned to them, or the oldest left for anyone) and opens it. */
    public void next() {
        if (!mayReview) {
            message.set("Only managers and admins review calls.");
            return;
        }
        loading.set(true);
        work.run(() -> queue.takeNext(clock.instant()), (taken, failure) -> {
            loading.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Taking the next call"));
                return;
            }
            if (taken.isEmpty()) {
                message.set(nothingLeft);
                return;
            }
            UUID call = taken.get();
            evaluation.open(call);
            items.stream().filter(i -> i.callId().equals(call)).findFirst().ifPresent(selected::set);
            message.set("");
            refreshInPlace();
        });
    }

    /** Opens a listed call for evaluation without taking it (to read it, or one assigned to this reviewer). */
    public void open(QueueItem item) {
        if (item != null) {
            evaluation.open(item.callId());
        }
    }

    /** Opens any call (a drill-down from Quality, the call log) for evaluation. */
    public void openCall(UUID callId) {
        evaluation.open(callId);
    }

    public void assign(QueueItem item, Reviewer reviewer) {
        work.run(() -> queue.assign(item.id(), reviewer == null ? null : reviewer.id(), item.updatedAt()), (done, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Assigning a call"));
            } else if (!Boolean.TRUE.equals(done)) {
                message.set("Someone changed that item first; the list is read again.");
            } else {
                message.set(reviewer == null ? "Left for anyone." : "Assigned to " + reviewer.name() + ".");
            }
            refreshInPlace();
        });
    }

    public void release(QueueItem item) {
        work.run(() -> queue.release(item.id()), (done, failure) -> {
            message.set(failure != null ? BackgroundWork.sentence(failure, LOG, "Giving a call back")
                    : Boolean.TRUE.equals(done) ? "Given back to the queue." : "Only the reviewer who took it gives it back.");
            refreshInPlace();
        });
    }

    /** Changes announced by the database (on the JavaFX thread). */
    public void onChanges(List<Change> changes) {
        if (Change.touches(changes, "review_queue") || Change.touches(changes, "evaluations")) {
            refreshInPlace();
        }
        evaluation.onChanges(changes);
    }

    /**
     * Reads the queue again and merges: rows still waiting are updated where they are, new ones
     * join at the end, and reviewed ones stay, marked, so nothing moves under the pointer.
     */
    private void refreshInPlace() {
        loads.alongside(() -> new Read(queue.waiting(null, SHOWN), queue.stats(LocalDate.now(clock.withZone(zone)), zone), List.of()),
                (read, failure) -> {
                    if (failure != null) {
                        return;
                    }
                    Map<UUID, QueueItem> now = read.items().stream().collect(Collectors.toMap(QueueItem::id, Function.identity()));
                    Set<UUID> shown = new HashSet<>();
                    for (int i = 0; i < items.size(); i++) {
                        QueueItem old = items.get(i);
                        shown.add(old.id());
                        QueueItem fresh = now.get(old.id());
                        if (fresh == null) {
                            reviewed.add(old.callId());
                        } else if (!fresh.equals(old)) {
                            items.set(i, fresh);
                        }
                    }
                    read.items().stream().filter(i -> !shown.contains(i.id())).forEach(items::add);
                    stats.set(read.stats());
                });
    }

    private record Read(List<QueueItem> items, QueueStats stats, List<Reviewer> reviewers) {
    }

    // Properties

    public ObservableList<QueueItem> items() {
        return itemsView;
    }

    /** Calls of listed items that have been reviewed since the list was read. */
    public ObservableSet<UUID> reviewed() {
        return reviewedView;
    }

    public ObservableList<Reviewer> reviewers() {
        return reviewersView;
    }

    public ReadOnlyObjectProperty<QueueStats> statsProperty() {
        return stats.getReadOnlyProperty();
    }

    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public EvaluationViewModel evaluation() {
        return evaluation;
    }

    public boolean mayReview() {
        return mayReview;
    }

    public ZoneId zone() {
        return zone;
    }

}
