package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.live.ChangeFeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluating a call as a reviewer does, keys and all, with same-thread executors on the demo:
 * the database's score, a comment pinned to a turn, a second manager signing off while both
 * consoles are open (through the real live feed), and two editors of one evaluation.
 */
class EvaluationViewModelTest {

    private final List<UUID> calls = new ArrayList<>();

    @AfterEach
    void dropEvaluations() {
        QualityFixture.owner().useHandle(h -> calls.forEach(c -> h.execute("delete from voxconsole.evaluations where call_id = ?", c)));
    }

    private static EvaluationViewModel model(String role) {
        Jdbi jdbi = QualityFixture.as(role);
        UUID me = QualityFixture.owner().withHandle(h -> h.createQuery("select profile_id from voxconsole.console_logins where login_role = ?")
                .bind(0, "demo_harley_" + role).mapTo(UUID.class).one());
        return new EvaluationViewModel(new EvaluationService(jdbi), new ScorecardService(jdbi), new CallLogService(jdbi), Runnable::run,
                Runnable::run, me, !role.equals("user"));
    }

    /** A call nobody has evaluated yet. */
    private UUID freshCall(int n) {
        UUID call = QualityFixture.call(HARLEY, 600 + n);
        QualityFixture.owner().useHandle(h -> h.execute("delete from voxconsole.evaluations where call_id = ?", call));
        calls.add(call);
        return call;
    }

    /** The keys a reviewer presses for a good call: Y, 4 on a scale, the first choice. */
    private static void answerWell(EvaluationViewModel m) {
        for (ScorecardQuestion q : m.scorecardProperty().get().questions()) {
            assertThat(m.currentQuestion()).isEqualTo(q);
            assertThat(m.key(switch (q.answerType()) {
                case YES_NO -> "y";
                case SCALE_1_5 -> "4";
                case CHOICE -> "1";
            })).isTrue();
        }
    }

    @Test
    void theKeyboardAnswersEveryQuestionAndTheDatabaseScoresTheSubmission() {
        EvaluationViewModel m = model("manager");
        UUID call = freshCall(0);
        m.open(call);
        assertThat(m.callProperty().get().call().id()).isEqualTo(call);
        assertThat(m.scorecardProperty().get().formName()).isEqualTo("Clinic call standard");
        assertThat(m.evaluationProperty().get()).as("nothing is written until the reviewer does something").isNull();
        assertThat(m.key("x")).as("a key that answers nothing").isFalse();
        m.submit();
        assertThat(m.messageProperty().get()).isEqualTo("9 questions are not answered yet.");

        answerWell(m);
        assertThat(m.progress().get()).isEqualTo("9 of 9 answered");
        m.selectedTurnProperty().set(2);
        m.pinComment("Offered the earliest slot without being asked.");
        assertThat(m.evaluationProperty().get().status()).as("a pinned comment starts the draft").isEqualTo(Evaluation.DRAFT);
        assertThat(m.notesOfTurn(2)).singleElement().asString().startsWith("Offered the earliest slot");
        m.submit();

        Evaluation submitted = m.evaluationProperty().get();
        assertThat(submitted.status()).isEqualTo(Evaluation.SUBMITTED);
        assertThat(m.dirtyProperty().get()).isFalse();
        Evaluation inDatabase = new EvaluationService(QualityFixture.as("user")).find(submitted.id()).orElseThrow();
        assertThat(submitted.score()).isEqualTo(inDatabase.score()).isGreaterThan(90.0);
        assertThat(m.messageProperty().get()).startsWith("Submitted: ");
        assertThat(m.editableProperty().get()).isFalse();
        var before = java.util.Map.copyOf(m.answers());
        m.key("n");
        assertThat(m.answers()).as("a submitted evaluation takes no answers").isEqualTo(before);
        assertThat(new EvaluationService(QualityFixture.as("user")).answers(submitted.id())).hasSize(9)
                .allSatisfy(a -> assertThat(a.notApplicable()).isFalse());
    }

    @Test
    void aSecondManagerSignsOffWhileBothConsolesAreOpen() throws Exception {
        UUID call = freshCall(1);
        EvaluationViewModel reviewer = model("manager");
        // The demo's second manager of the clinic (demo_harley_manager2): nobody signs off their own evaluation.
        EvaluationViewModel second = model("manager2");
        LinkedBlockingQueue<List<Change>> toReviewer = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<List<Change>> toSecond = new LinkedBlockingQueue<>();
        try (ChangeFeed reviewerFeed = feed("manager", toReviewer); ChangeFeed secondFeed = feed("manager2", toSecond)) {
            reviewer.open(call);
            answerWell(reviewer);
            reviewer.submit();
            Evaluation submitted = reviewer.evaluationProperty().get();
            assertThat(submitted.status()).isEqualTo(Evaluation.SUBMITTED);
            assertThat(reviewer.maySignOff().get()).as("not one's own").isFalse();

            // The second console hears of it and opens it.
            awaitChange(toSecond, submitted.id());
            second.open(call);
            assertThat(second.evaluationProperty().get().id()).isEqualTo(submitted.id());
            assertThat(second.editableProperty().get()).isFalse();
            assertThat(second.maySignOff().get()).isTrue();
            second.signOff();
            assertThat(second.evaluationProperty().get().status()).isEqualTo(Evaluation.SIGNED_OFF);
            assertThat(second.messageProperty().get()).isEqualTo("Signed off.");

            // And the reviewer's console, still open on it, follows.
            List<Change> heard = awaitChange(toReviewer, submitted.id());
            reviewer.onChanges(heard);
            assertThat(reviewer.evaluationProperty().get().status()).isEqualTo(Evaluation.SIGNED_OFF);
            assertThat(reviewer.evaluationProperty().get().signedOffByName()).isNotBlank();
        }
    }

    @Test
    void twoEditorsOfOneEvaluationMeetTheConflictAndKeepWhatTheyTyped() {
        UUID call = freshCall(2);
        EvaluationViewModel first = model("manager");
        first.open(call);
        first.key("y");
        first.saveDraft();
        // A colleague of the same clinic, the demo's second manager.
        EvaluationViewModel second = model("manager2");
        second.open(call);
        assertThat(second.evaluationProperty().get().id()).as("a colleague's draft, open to answers").isEqualTo(first.evaluationProperty().get().id());

        first.key("n");
        first.saveDraft();
        assertThat(first.messageProperty().get()).startsWith("Draft saved");

        UUID q2 = second.scorecardProperty().get().questions().get(1).id();
        second.currentProperty().set(1);
        second.key("y");
        second.saveDraft();
        assertThat(second.conflictProperty().get()).isTrue();
        assertThat(second.messageProperty().get()).startsWith("Someone else changed this evaluation after you opened it.");
        assertThat(second.answers().get(q2)).as("what the second editor typed stays").isEqualTo(Answer.of(q2, 1));

        second.reload();
        assertThat(second.conflictProperty().get()).isFalse();
        assertThat(second.answers().get(q2)).isEqualTo(Answer.of(q2, 1));
        assertThat(second.messageProperty().get()).contains("differ and are kept");
        second.saveDraft();
        assertThat(second.messageProperty().get()).startsWith("Draft saved");
        assertThat(new EvaluationService(QualityFixture.as("user")).answers(second.evaluationProperty().get().id()))
                .contains(Answer.of(q2, 1));
    }

    private static ChangeFeed feed(String role, LinkedBlockingQueue<List<Change>> into) {
        var db = TestWorkspace.as("harley", role);
        ChangeFeed feed = new ChangeFeed(() -> db.openDedicated("voxconsole-quality-" + role)).start();
        feed.subscribe(Set.of("evaluations"), into::add);
        for (int i = 0; i < 100 && !feed.connected(); i++) {
            sleep(50);
        }
        assertThat(feed.connected()).isTrue();
        return feed;
    }

    private static List<Change> awaitChange(LinkedBlockingQueue<List<Change>> changes, UUID evaluation) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < until) {
            List<Change> batch = changes.poll(500, TimeUnit.MILLISECONDS);
            if (batch != null && Change.upserted(batch, "evaluations").contains(evaluation)) {
                return batch;
            }
        }
        throw new AssertionError("no live notice of evaluation " + evaluation);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
