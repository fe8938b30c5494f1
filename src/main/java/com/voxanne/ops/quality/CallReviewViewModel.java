package com.voxanne.ops.quality;

import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The selected call's quality review, under its header in the call log: its evaluations, "Evaluate" and "Send to review". */
public final class CallReviewViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CallReviewViewModel.class);

    private final EvaluationService evaluations;
    private final ReviewQueueService queue;
    private final BackgroundWork work;
    private final LatestAnswer reads;
    private final boolean mayReview;
    private final boolean maySend;
    private final Consumer<UUID> evaluate;
    private final ReadOnlyObjectWrapper<UUID> call = new ReadOnlyObjectWrapper<>(this, "call");
    private final ObservableList<Evaluation> ofCall = FXCollections.observableArrayList();
    private final ObservableList<Evaluation> ofCallView = FXCollections.unmodifiableObservableList(ofCall);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /**
     * @param mayReview managers and admins evaluate
     * @param maySend   and send calls to review, except offline, where every call of the bundle waits in the queue already
     */
    public CallReviewViewModel(EvaluationService evaluations, ReviewQueueService queue, Executor background, Executor fx, boolean mayReview,
                               boolean maySend, Consumer<UUID> evaluate) {
        this.evaluations = evaluations;
        this.queue = queue;
        this.work = new BackgroundWork(background, fx);
        this.reads = new LatestAnswer(work);
        this.mayReview = mayReview;
        this.maySend = mayReview && maySend;
        this.evaluate = evaluate;
    }

    /** The call now shown (null for none). */
    public void show(UUID callId) {
        call.set(callId);
        message.set("");
        if (callId == null) {
            reads.forget();
            ofCall.clear();
            return;
        }
        reads.ask(() -> evaluations.ofCall(callId), (found, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading the call's evaluations"));
                return;
            }
            ofCall.setAll(found);
        });
    }

    public void evaluate() {
        if (call.get() != null) {
            evaluate.accept(call.get());
        }
    }

    public void sendToReview() {
        UUID c = call.get();
        if (c == null || !maySend) {
            return;
        }
        work.run(() -> queue.send(c, null), (item, failure) -> message.set(failure != null
                ? BackgroundWork.sentence(failure, LOG, "Sending a call to review") : "Sent to review: it waits in the Review queue."));
    }

    public void onChanges(List<Change> changes) {
        if (call.get() != null && Change.touches(changes, "evaluations")) {
            show(call.get());
        }
    }

    public ReadOnlyObjectProperty<UUID> callProperty() {
        return call.getReadOnlyProperty();
    }

    public ObservableList<Evaluation> evaluations() {
        return ofCallView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean mayReview() {
        return mayReview;
    }

    public boolean maySend() {
        return maySend;
    }
}
