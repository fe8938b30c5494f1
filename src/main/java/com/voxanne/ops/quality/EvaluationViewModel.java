package com.voxanne.ops.quality;

import com.voxanne.ops.calls.CallDetails;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call being evaluated: its transcript, the form, the answers as the reviewer gives them
 * (kept here until saved, so a refused or conflicting save loses nothing), the comments pinned to
 * turns, and the steps after submission (sign off, reopen). The database scores every save; this
 * shows its score, never one of its own.
 */
public final class EvaluationViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationViewModel.class);

    private final EvaluationService evaluations;
    private final ScorecardService scorecards;
    private final CallLogService calls;
    private final BackgroundWork work;
    private final LatestAnswer loads;
    private final UUID me;
    private final boolean mayEvaluate;

    private final ReadOnlyObjectWrapper<CallDetails> call = new ReadOnlyObjectWrapper<>(this, "call");
    private final ReadOnlyObjectWrapper<Scorecard> scorecard = new ReadOnlyObjectWrapper<>(this, "scorecard");
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ObservableMap<UUID, Answer> answers = FXCollections.observableHashMap();
    // Made once: a listener on a wrapper made at each call would be lost with the wrapper.
    private final ObservableMap<UUID, Answer> answersView = FXCollections.unmodifiableObservableMap(answers);
    private final ObservableList<EvaluationComment> comments = FXCollections.observableArrayList();
    private final ObservableList<EvaluationComment> commentsView = FXCollections.unmodifiableObservableList(comments);
    private final IntegerProperty current = new SimpleIntegerProperty(this, "current", 0);
    private final ObjectProperty<Integer> selectedTurn = new SimpleObjectProperty<>(this, "selectedTurn");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final BooleanBinding editable;
    private Consumer<Evaluation> onSubmitted = e -> { };
    private Runnable onWritten = () -> { };

    public EvaluationViewModel(EvaluationService evaluations, ScorecardService scorecards, CallLogService calls, Executor background,
                               Executor fx, UUID me, boolean mayEvaluate) {
        this.evaluations = evaluations;
        this.scorecards = scorecards;
        this.calls = calls;
        this.work = new BackgroundWork(background, fx);
        this.loads = new LatestAnswer(work);
        this.me = me;
        this.mayEvaluate = mayEvaluate;
        this.editable = Bindings.createBooleanBinding(() -> mayEvaluate && scorecard.get() != null && !busy.get()
                && (evaluation.get() == null || evaluation.get().editable()), scorecard, evaluation, busy);
    }

    /** Told (on the JavaFX thread) after every write that went in: an offline review keeps its evaluations beside the bundle. */
    public void setOnWritten(Runnable action) {
        this.onWritten = action;
    }

    /** Told (on the JavaFX thread) when an evaluation has been submitted: the Review workspace takes the next call. */
    public void setOnSubmitted(Consumer<Evaluation> action) {
        this.onSubmitted = action;
    }

    // Commands

    /** Opens a call with the evaluation a reviewer would pick up (see below), or a new one on the first form. */
    public void open(UUID callId) {
        busy.set(true);
        message.set("");
        conflict.set(false);
        loads.ask(() -> {
            CallDetails details = calls.details(callId).orElse(null);
            List<Scorecard> forms = scorecards.current();
            List<Evaluation> existing = evaluations.ofCall(callId);
            // The reviewer's own unfinished one; else one still open to answers (reopened, or a colleague's draft: two
            // editors then meet the optimistic save); else the latest, to read, sign off or reopen; else a new one.
            Evaluation chosen = existing.stream().filter(e -> e.editable() && me.equals(e.reviewerId())).reduce((a, b) -> b)
                    .or(() -> existing.stream().filter(Evaluation::editable).reduce((a, b) -> b))
                    .or(() -> existing.stream().reduce((a, b) -> b)).orElse(null);
            Scorecard form = chosen != null ? scorecards.version(chosen.versionId()).orElse(null) : forms.isEmpty() ? null : forms.get(0);
            List<Answer> given = chosen == null ? List.of() : evaluations.answers(chosen.id());
            List<EvaluationComment> pinned = chosen == null ? List.of() : evaluations.comments(chosen.id());
            return new Opened(details, form, chosen, given, pinned);
        }, (opened, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Opening the evaluation"));
                return;
            }
            if (opened.call() == null) {
                message.set("That call is not there any more, or not yours to see.");
                return;
            }
            show(opened);
            if (opened.form() == null) {
                message.set("Your organization has no scorecard yet: an admin adds one in Quality.");
            }
        });
    }

    /** Answers the current question and moves to the next one not answered yet. */
    public void answer(int value) {
        ScorecardQuestion q = currentQuestion();
        if (q == null || !editable.get() || !q.accepts(value)) {
            return;
        }
        put(Answer.of(q.id(), value));
        moveToNextUnanswered();
    }

    public void notApplicable() {
        ScorecardQuestion q = currentQuestion();
        if (q == null || !editable.get()) {
            return;
        }
        if (!q.allowsNa()) {
            message.set("\"" + q.prompt() + "\" cannot be answered N/A.");
            return;
        }
        put(Answer.notApplicable(q.id()));
        moveToNextUnanswered();
    }

    /** Answers a question by the keys a reviewer types: 1-5, Y, N, A (N/A). False when the key means nothing for it. */
    public boolean key(String typed) {
        ScorecardQuestion q = currentQuestion();
        if (q == null || typed == null || typed.length() != 1) {
            return false;
        }
        char c = Character.toUpperCase(typed.charAt(0));
        if (c == 'A') {
            notApplicable();
            return true;
        }
        Integer value = switch (q.answerType()) {
            case YES_NO -> c == 'Y' || c == '1' ? Integer.valueOf(1) : c == 'N' || c == '0' ? Integer.valueOf(0) : null;
            case SCALE_1_5 -> c >= '1' && c <= '5' ? Integer.valueOf(c - '0') : null;
            case CHOICE -> c >= '1' && c <= '9' && c - '1' < q.choices().size() ? Integer.valueOf(c - '1') : null;
        };
        if (value == null) {
            return false;
        }
        answer(value);
        return true;
    }

    public void next() {
        Scorecard form = scorecard.get();
        if (form != null && current.get() < form.questions().size() - 1) {
            current.set(current.get() + 1);
        }
    }

    public void previous() {
        if (current.get() > 0) {
            current.set(current.get() - 1);
        }
    }

    public void saveDraft() {
        write(false);
    }

    public void submit() {
        Scorecard form = scorecard.get();
        if (form != null) {
            long open = form.questions().stream().filter(q -> !answers.containsKey(q.id())).count();
            if (open > 0) {
                message.set(open == 1 ? "One question is not answered yet." : open + " questions are not answered yet.");
                form.questions().stream().filter(q -> !answers.containsKey(q.id())).findFirst()
                        .ifPresent(q -> current.set(form.questions().indexOf(q)));
                return;
            }
        }
        write(true);
    }

    public void signOff() {
        Evaluation e = evaluation.get();
        if (e == null) {
            return;
        }
        step(() -> evaluations.signOff(e.id(), e.updatedAt()), "Signed off.");
    }

    public void reopen(String reason) {
        Evaluation e = evaluation.get();
        if (e == null) {
            return;
        }
        step(() -> evaluations.reopen(e.id(), e.updatedAt(), reason), "Reopened: the reviewer can change the answers.");
    }

    /** Pins a comment to the selected transcript turn (or to the whole call, with none selected); starts the draft if need be. */
    public void pinComment(String body) {
        Scorecard form = scorecard.get();
        CallDetails d = call.get();
        if (form == null || d == null || !mayEvaluate) {
            return;
        }
        Integer turn = selectedTurn.get();
        Evaluation e = evaluation.get();
        // A comment on a new evaluation starts its draft, with the answers given so far, so the draft is scored.
        List<Answer> typed = e == null && dirty.get() ? new ArrayList<>(answers.values()) : List.of();
        busy.set(true);
        work.run(() -> {
            Evaluation target = e != null ? e : evaluations.start(d.call().id(), form.versionId());
            if (!typed.isEmpty() && evaluations.save(target.id(), target.updatedAt(), typed) instanceof SaveResult.Saved<Evaluation> saved
                    && saved.now() != null) {
                target = saved.now();
            }
            EvaluationComment made = evaluations.comment(target.id(), turn, body);
            return new Pinned(target, made);
        }, (pinned, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Pinning a comment"));
                if (e == null) {
                    refreshEvaluations(d.call().id());
                }
                return;
            }
            if (e == null) {
                evaluation.set(pinned.evaluation());
                if (!typed.isEmpty()) {
                    dirty.set(false);
                }
            }
            comments.add(pinned.comment());
            onWritten.run();
            message.set(turn == null ? "Comment added to the call." : "Comment pinned to turn " + (turn + 1) + ".");
        });
    }

    public void deleteComment(EvaluationComment comment) {
        work.run(() -> evaluations.deleteComment(comment.id()), (deleted, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Removing a comment"));
            } else if (Boolean.TRUE.equals(deleted)) {
                comments.remove(comment);
                onWritten.run();
            } else {
                message.set("Only its author removes a comment.");
            }
        });
    }

    /**
     * After "someone else changed this": their version becomes the one a save builds on, and what
     * this reviewer typed stays in the form, to be saved over theirs knowingly or changed.
     */
    public void reload() {
        Evaluation e = evaluation.get();
        if (e == null) {
            return;
        }
        busy.set(true);
        work.run(() -> new Reloaded(evaluations.find(e.id()), evaluations.answers(e.id()), evaluations.comments(e.id())), (now, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reloading the evaluation"));
                return;
            }
            conflict.set(false);
            if (now.evaluation().isEmpty()) {
                message.set("This evaluation no longer exists.");
                return;
            }
            evaluation.set(now.evaluation().get());
            comments.setAll(now.comments());
            Map<UUID, Answer> theirs = new LinkedHashMap<>();
            now.answers().forEach(a -> theirs.put(a.questionId(), a));
            long differ = answers.values().stream().filter(a -> !a.equals(theirs.get(a.questionId()))).count();
            if (!dirty.get()) {
                answers.clear();
                answers.putAll(theirs);
                message.set("Reloaded.");
            } else {
                message.set(differ == 0 ? "Reloaded: your answers match theirs." : "Reloaded their version; " + differ
                        + " of your answers differ and are kept. Save to put yours over theirs.");
            }
        });
    }

    /** Changes the database announced (on the JavaFX thread): the open evaluation, changed by someone else, is read again or flagged. */
    public void onChanges(List<Change> changes) {
        Evaluation e = evaluation.get();
        if (e == null || !Change.upserted(changes, "evaluations").contains(e.id()) || busy.get()) {
            return;
        }
        work.run(() -> evaluations.find(e.id()), (now, failure) -> {
            if (failure != null || now == null || now.isEmpty() || now.get().updatedAt().equals(evaluation.get().updatedAt())) {
                return;
            }
            if (dirty.get()) {
                conflict.set(true);
                message.set("Someone else changed this evaluation. Reload to see their version; what you typed stays.");
            } else {
                reload();
            }
        });
    }

    // Internals

    private record Opened(CallDetails call, Scorecard form, Evaluation chosen, List<Answer> answers,
                          List<EvaluationComment> comments) {
    }

    private record Pinned(Evaluation evaluation, EvaluationComment comment) {
    }

    private record Reloaded(Optional<Evaluation> evaluation, List<Answer> answers, List<EvaluationComment> comments) {
    }

    private void show(Opened opened) {
        call.set(opened.call());
        scorecard.set(opened.form());
        evaluation.set(opened.chosen());
        answers.clear();
        opened.answers().forEach(a -> answers.put(a.questionId(), a));
        comments.setAll(opened.comments());
        selectedTurn.set(null);
        dirty.set(false);
        current.set(0);
        moveToFirstUnanswered();
    }

    private void put(Answer answer) {
        answers.put(answer.questionId(), answer);
        dirty.set(true);
        message.set("");
    }

    private void moveToFirstUnanswered() {
        Scorecard form = scorecard.get();
        if (form == null) {
            return;
        }
        for (int i = 0; i < form.questions().size(); i++) {
            if (!answers.containsKey(form.questions().get(i).id())) {
                current.set(i);
                return;
            }
        }
    }

    private void moveToNextUnanswered() {
        Scorecard form = scorecard.get();
        int n = form.questions().size();
        for (int step = 1; step <= n; step++) {
            int i = (current.get() + step) % n;
            if (!answers.containsKey(form.questions().get(i).id())) {
                current.set(i);
                return;
            }
        }
        // All answered: stay put, on the last one given; Ctrl+Enter submits.
        message.set("All answered: press Ctrl+Enter to submit.");
    }

    private void write(boolean submitting) {
        Scorecard form = scorecard.get();
        CallDetails d = call.get();
        if (form == null || d == null || !editable.get()) {
            return;
        }
        Evaluation e = evaluation.get();
        List<Answer> typed = new ArrayList<>(answers.values());
        busy.set(true);
        work.run(() -> {
            Evaluation target = e != null ? e : evaluations.start(d.call().id(), form.versionId());
            SaveResult<Evaluation> result = submitting ? evaluations.submit(target.id(), target.updatedAt(), typed)
                    : evaluations.save(target.id(), target.updatedAt(), typed);
            return new Written(target, result);
        }, (written, failure) -> {
            busy.set(false);
            if (failure != null) {
                // Nothing typed is lost: the answers stay in the form.
                message.set(BackgroundWork.sentence(failure, LOG, submitting ? "Submitting the evaluation" : "Saving the evaluation"));
                if (e == null) {
                    // The draft may have been made before the save failed: read it, so the next save builds on it.
                    refreshEvaluations(d.call().id());
                }
                return;
            }
            if (e == null) {
                evaluation.set(written.started());
            }
            if (written.result() instanceof SaveResult.Saved<Evaluation> saved && saved.now() != null) {
                evaluation.set(saved.now());
                dirty.set(false);
                conflict.set(false);
                message.set(submitting ? "Submitted: " + scoreWords(saved.now()) : "Draft saved: " + scoreWords(saved.now()));
                onWritten.run();
                if (submitting) {
                    onSubmitted.accept(saved.now());
                }
            } else if (written.result() instanceof SaveResult.Conflict<Evaluation>) {
                conflict.set(true);
                message.set(written.result().sentence("evaluation"));
            } else {
                message.set(written.result().sentence("evaluation"));
            }
        });
    }

    private record Written(Evaluation started, SaveResult<Evaluation> result) {
    }

    private void step(java.util.function.Supplier<SaveResult<Evaluation>> action, String done) {
        busy.set(true);
        work.run(action, (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Changing the evaluation"));
                return;
            }
            if (result instanceof SaveResult.Saved<Evaluation> saved && saved.now() != null) {
                evaluation.set(saved.now());
                conflict.set(false);
                message.set(done);
                onWritten.run();
            } else {
                conflict.set(result instanceof SaveResult.Conflict);
                message.set(result.sentence("evaluation"));
            }
        });
    }

    private void refreshEvaluations(UUID callId) {
        work.run(() -> evaluations.ofCall(callId), (found, failure) -> {
            if (failure == null) {
                found.stream().filter(x -> x.editable() && me.equals(x.reviewerId())).reduce((a, b) -> b).ifPresent(evaluation::set);
            }
        });
    }

    /** The database's verdict in words: "83.8, passed" or "0, a critical question failed". */
    public static String scoreWords(Evaluation e) {
        if (e.score() == null) {
            return "not scored yet";
        }
        String score = e.score() % 1 == 0 ? String.valueOf(e.score().intValue()) : String.valueOf(e.score());
        return e.criticalFailed() ? score + ", a critical question failed" : score + (e.passed() ? ", passed" : ", below the pass mark");
    }

    // Properties

    public ScorecardQuestion currentQuestion() {
        Scorecard form = scorecard.get();
        int i = current.get();
        return form == null || i < 0 || i >= form.questions().size() ? null : form.questions().get(i);
    }

    public ReadOnlyObjectProperty<CallDetails> callProperty() {
        return call.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Scorecard> scorecardProperty() {
        return scorecard.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public ObservableMap<UUID, Answer> answers() {
        return answersView;
    }

    public ObservableList<EvaluationComment> comments() {
        return commentsView;
    }

    public IntegerProperty currentProperty() {
        return current;
    }

    /** The transcript turn the reviewer pointed at, for a pinned comment. */
    public ObjectProperty<Integer> selectedTurnProperty() {
        return selectedTurn;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanBinding editableProperty() {
        return editable;
    }

    /** Whether the open evaluation waits for a second pair of eyes that this person has. */
    public BooleanBinding maySignOff() {
        return Bindings.createBooleanBinding(() -> mayEvaluate && !busy.get() && evaluation.get() != null
                && Evaluation.SUBMITTED.equals(evaluation.get().status()) && !me.equals(evaluation.get().reviewerId()), evaluation, busy);
    }

    public BooleanBinding mayReopen() {
        return Bindings.createBooleanBinding(() -> mayEvaluate && !busy.get() && evaluation.get() != null
                && (Evaluation.SUBMITTED.equals(evaluation.get().status()) || Evaluation.SIGNED_OFF.equals(evaluation.get().status())),
                evaluation, busy);
    }

    /** "7 of 9 answered" for the form's header. */
    public StringBinding progress() {
        return Bindings.createStringBinding(() -> {
            Scorecard form = scorecard.get();
            if (form == null) {
                return "";
            }
            long given = form.questions().stream().filter(q -> answers.containsKey(q.id())).count();
            return given + " of " + form.questions().size() + " answered";
        }, scorecard, answers);
    }

    /** The comments pinned to each turn, for the transcript's markers. */
    public List<String> notesOfTurn(int turn) {
        return comments.stream().filter(c -> c.turnIndex() != null && c.turnIndex() == turn)
                .map(c -> c.body() + (c.authorName() == null ? "" : " — " + c.authorName())).toList();
    }

    public boolean mayEvaluate() {
        return mayEvaluate;
    }
}
