package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.quality.QualityFixture.Made;
import com.voxanne.ops.quality.QualityFixture.Spec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The score the database computes (voxconsole.evaluation_scores): weights, the 1-5 scale and
 * choices, N/A leaving the weights, critical questions failing the whole evaluation, the pass
 * mark, and the answers that do not fit their question.
 */
class ScoreArithmeticTest {

    private static final String RESOLVED = "[{\"label\": \"Resolved\", \"value\": 1}, {\"label\": \"Partly\", \"value\": 0.5},"
            + " {\"label\": \"Not resolved\", \"value\": 0}]";

    private final EvaluationService manager = QualityFixture.evaluations("manager");
    private Made form;

    @BeforeEach
    void makeForm() {
        // 1 yes/no weight 1, 2 yes/no weight 3, 3 a scale weight 2, 4 a choice weight 2, 5 a critical yes/no weight 2 that allows N/A.
        form = QualityFixture.form(80, Spec.yesNo(1), Spec.yesNo(3), new Spec("scale_1_5", 2, false, false, null),
                new Spec("choice", 2, false, false, RESOLVED), Spec.yesNo(2).withNa().asCritical());
    }

    @AfterEach
    void dropForm() {
        QualityFixture.drop(form);
    }

    private Evaluation submitted(int callNumber, Answer... answers) {
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, callNumber), form.versionId());
        SaveResult<Evaluation> result = manager.submit(draft.id(), draft.updatedAt(), List.of(answers));
        assertThat(result).isInstanceOf(SaveResult.Saved.class);
        return ((SaveResult.Saved<Evaluation>) result).now();
    }

    @Test
    void theScoreIsTheWeightedMeanOfTheAnsweredQuestionsAndNaLeavesTheWeights() {
        // (1·1 + 3·0 + 2·0.75 + 2·0.5) / (1 + 3 + 2 + 2) = 3.5 / 8 = 43.75 %, rounded to one place.
        Evaluation e = submitted(0, Answer.of(form.q(1), 1), Answer.of(form.q(2), 0), Answer.of(form.q(3), 4), Answer.of(form.q(4), 1),
                Answer.notApplicable(form.q(5)));
        assertThat(e.status()).isEqualTo(Evaluation.SUBMITTED);
        assertThat(e.score()).isEqualTo(43.8);
        assertThat(e.scoreWithoutCritical()).isEqualTo(43.8);
        assertThat(e.criticalFailed()).isFalse();
        assertThat(e.passed()).isFalse();
        assertThat(e.submittedAt()).isNotNull();
    }

    @Test
    void topAnswersScoreAHundredAndPass() {
        Evaluation e = submitted(1, Answer.of(form.q(1), 1), Answer.of(form.q(2), 1), Answer.of(form.q(3), 5), Answer.of(form.q(4), 0),
                Answer.of(form.q(5), 1));
        assertThat(e.score()).isEqualTo(100.0);
        assertThat(e.passed()).isTrue();
    }

    @Test
    void aFailedCriticalQuestionFailsTheWholeEvaluationWhateverTheRestScores() {
        // Everything else at the top: 8 of 10 weighted points, 80 % — the pass mark — but the critical question failed.
        Evaluation e = submitted(2, Answer.of(form.q(1), 1), Answer.of(form.q(2), 1), Answer.of(form.q(3), 5), Answer.of(form.q(4), 0),
                Answer.of(form.q(5), 0));
        assertThat(e.criticalFailed()).isTrue();
        assertThat(e.score()).isEqualTo(0.0);
        assertThat(e.scoreWithoutCritical()).isEqualTo(80.0);
        assertThat(e.passed()).isFalse();
    }

    @Test
    void exactlyThePassMarkPasses() {
        // 1 + 3 + 0 (a 1 of 5) + 2 + 2 = 8 of 10 = 80 %.
        Evaluation e = submitted(3, Answer.of(form.q(1), 1), Answer.of(form.q(2), 1), Answer.of(form.q(3), 1), Answer.of(form.q(4), 0),
                Answer.of(form.q(5), 1));
        assertThat(e.score()).isEqualTo(80.0);
        assertThat(e.passed()).isTrue();
    }

    @Test
    void aCriticalScaleFailsBelowThreeAndNotAtThree() {
        Made scale = QualityFixture.form(50, new Spec("scale_1_5", 1, false, true, null));
        try {
            Evaluation three = manager.start(QualityFixture.call(HARLEY, 4), scale.versionId());
            Evaluation atThree = ((SaveResult.Saved<Evaluation>) manager.submit(three.id(), three.updatedAt(),
                    List.of(Answer.of(scale.q(1), 3)))).now();
            assertThat(atThree.criticalFailed()).isFalse();
            assertThat(atThree.score()).isEqualTo(50.0);
            assertThat(atThree.passed()).isTrue();
            Evaluation two = manager.start(QualityFixture.call(HARLEY, 5), scale.versionId());
            Evaluation atTwo = ((SaveResult.Saved<Evaluation>) manager.submit(two.id(), two.updatedAt(),
                    List.of(Answer.of(scale.q(1), 2)))).now();
            assertThat(atTwo.criticalFailed()).isTrue();
            assertThat(atTwo.score()).isEqualTo(0.0);
            assertThat(atTwo.scoreWithoutCritical()).isEqualTo(25.0);
        } finally {
            QualityFixture.drop(scale);
        }
    }

    @Test
    void aDraftIsScoredAsItStandsAndCannotBeSubmittedWithAQuestionUnanswered() {
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 6), form.versionId());
        assertThat(draft.score()).as("nothing answered yet").isNull();
        Evaluation saved = ((SaveResult.Saved<Evaluation>) manager.save(draft.id(), draft.updatedAt(),
                List.of(Answer.of(form.q(1), 1), Answer.of(form.q(2), 0)))).now();
        assertThat(saved.status()).isEqualTo(Evaluation.DRAFT);
        assertThat(saved.score()).isEqualTo(25.0);
        Throwable missing = catchThrowable(() -> manager.submit(saved.id(), saved.updatedAt(), List.of(Answer.of(form.q(1), 1))));
        assertThat(missing).isInstanceOf(UserFacingException.class).hasMessageStartingWith("Every question needs an answer");
        assertThat(manager.answers(saved.id())).as("a refused submission wrote nothing").hasSize(2);
    }

    @Test
    void answersThatDoNotFitTheirQuestionAreRefused() {
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 7), form.versionId());
        assertThat(catchThrowable(() -> manager.save(draft.id(), draft.updatedAt(), List.of(Answer.of(form.q(1), 2)))))
                .hasMessage("That answer does not fit the question.");
        assertThat(catchThrowable(() -> manager.save(draft.id(), draft.updatedAt(), List.of(Answer.of(form.q(3), 6)))))
                .hasMessage("That answer does not fit the question.");
        assertThat(catchThrowable(() -> manager.save(draft.id(), draft.updatedAt(), List.of(Answer.of(form.q(4), 3)))))
                .hasMessage("That answer does not fit the question.");
        assertThat(catchThrowable(() -> manager.save(draft.id(), draft.updatedAt(), List.of(Answer.notApplicable(form.q(1))))))
                .hasMessage("This question cannot be answered N/A.");
        assertThat(manager.answers(draft.id())).isEmpty();
    }

    @Test
    void onlyNaAnswersLeaveNothingToScore() {
        Made optional = QualityFixture.form(80, Spec.yesNo(1).withNa(), Spec.yesNo(1).withNa());
        try {
            Evaluation draft = manager.start(QualityFixture.call(HARLEY, 8), optional.versionId());
            Evaluation e = ((SaveResult.Saved<Evaluation>) manager.submit(draft.id(), draft.updatedAt(),
                    List.of(Answer.notApplicable(optional.q(1)), Answer.notApplicable(optional.q(2))))).now();
            assertThat(e.score()).isNull();
            assertThat(e.passed()).isFalse();
        } finally {
            QualityFixture.drop(optional);
        }
    }

    @Test
    void submittedAnswersAreFrozenUntilTheEvaluationIsReopened() {
        Evaluation e = submitted(9, Answer.of(form.q(1), 1), Answer.of(form.q(2), 1), Answer.of(form.q(3), 5), Answer.of(form.q(4), 0),
                Answer.of(form.q(5), 1));
        Throwable frozen = catchThrowable(() -> QualityFixture.as("manager").useHandle(h -> h.execute(
                "update voxconsole.evaluation_answers set value = 0 where evaluation_id = ?", e.id())));
        assertThat(frozen).isNotNull();
        assertThat(com.voxanne.ops.db.SqlErrors.describe(frozen, "test")).isEqualTo("A submitted evaluation's answers do not change; reopen it first.");
        Evaluation reopened = ((SaveResult.Saved<Evaluation>) manager.reopen(e.id(), e.updatedAt(), "Listen again to the greeting.")).now();
        assertThat(reopened.status()).isEqualTo(Evaluation.REOPENED);
        Evaluation again = ((SaveResult.Saved<Evaluation>) manager.submit(reopened.id(), reopened.updatedAt(),
                List.of(Answer.of(form.q(1), 0), Answer.of(form.q(2), 1), Answer.of(form.q(3), 5), Answer.of(form.q(4), 0),
                        Answer.of(form.q(5), 1)))).now();
        assertThat(again.status()).isEqualTo(Evaluation.SUBMITTED);
        assertThat(again.score()).isEqualTo(90.0);
    }
}
