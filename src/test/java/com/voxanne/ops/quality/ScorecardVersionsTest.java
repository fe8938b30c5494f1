package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import com.voxanne.ops.quality.QualityFixture.Made;
import com.voxanne.ops.quality.QualityFixture.Spec;
import com.voxanne.ops.security.Attempt;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A form version that has been used never changes under its evaluations; editing makes the next version. */
class ScorecardVersionsTest {

    private final Jdbi admin = QualityFixture.as("admin");
    private final EvaluationService manager = QualityFixture.evaluations("manager");
    private Made form;

    @BeforeEach
    void makeForm() {
        form = QualityFixture.form(80, Spec.yesNo(1), Spec.yesNo(2));
    }

    @AfterEach
    void dropForm() {
        QualityFixture.drop(form);
    }

    private Evaluation evaluated() {
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 20), form.versionId());
        return ((SaveResult.Saved<Evaluation>) manager.submit(draft.id(), draft.updatedAt(),
                List.of(Answer.of(form.q(1), 1), Answer.of(form.q(2), 0)))).now();
    }

    private static String refusal(Jdbi login, String sql, Object... args) {
        Throwable t = catchThrowable(() -> login.useHandle(h -> h.execute(sql, args)));
        assertThat(t).as(sql).isNotNull();
        return SqlErrors.describe(t, "test");
    }

    /** The database function an admin (or a script) makes the next version with: a copy of the newest. */
    private UUID newVersion(UUID formId) {
        return admin.withHandle(h -> h.createQuery("select voxconsole.new_scorecard_version(:form)").bind("form", formId).mapTo(UUID.class).one());
    }

    @Test
    void anUnusedVersionIsTheAdminsToEdit() {
        assertThat(QualityFixture.exec(admin, "update voxconsole.scorecard_questions set prompt = 'Greeted warmly' where id = ?",
                form.q(1))).isEqualTo(1);
        assertThat(QualityFixture.exec(admin, "update voxconsole.scorecard_versions set pass_mark = 75 where id = ?",
                form.versionId())).isEqualTo(1);
    }

    @Test
    void aUsedVersionAndItsQuestionsNeverChange() {
        evaluated();
        String inUse = "This version of the form has evaluations, so it cannot change: make a new version and edit that one.";
        assertThat(refusal(admin, "update voxconsole.scorecard_questions set prompt = 'Changed' where id = ?", form.q(1))).isEqualTo(inUse);
        assertThat(refusal(admin, "update voxconsole.scorecard_questions set weight = 5 where id = ?", form.q(2))).isEqualTo(inUse);
        assertThat(refusal(admin, "delete from voxconsole.scorecard_questions where id = ?", form.q(2))).isEqualTo(inUse);
        assertThat(refusal(admin, "insert into voxconsole.scorecard_questions (version_id, section, position, prompt, answer_type)"
                + " values (?, 'More', 3, 'A late question', 'yes_no')", form.versionId())).isEqualTo(inUse);
        assertThat(refusal(admin, "update voxconsole.scorecard_versions set pass_mark = 10 where id = ?", form.versionId())).isEqualTo(inUse);
        assertThat(refusal(admin, "delete from voxconsole.scorecard_forms where id = ?", form.formId())).isEqualTo(inUse);
        // The owner is held to it as well: the rule is the data's, not a right.
        assertThat(refusal(QualityFixture.owner(), "update voxconsole.scorecard_questions set critical = true where id = ?", form.q(1)))
                .isEqualTo(inUse);
    }

    @Test
    void editingAUsedFormMakesTheNextVersionAndOldEvaluationsKeepTheirs() {
        Evaluation old = evaluated();
        ScorecardService scorecards = new ScorecardService(admin);
        UUID next = newVersion(form.formId());
        Scorecard v2 = scorecards.version(next).orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.questions()).extracting(ScorecardQuestion::prompt).containsExactly("Question 1", "Question 2");
        assertThat(v2.questions()).extracting(ScorecardQuestion::id).doesNotContainAnyElementsOf(form.questions());
        assertThat(QualityFixture.exec(admin, "update voxconsole.scorecard_questions set prompt = 'Greeted by name', weight = 4"
                + " where version_id = ? and position = 1", next)).isEqualTo(1);

        Scorecard v1 = scorecards.version(form.versionId()).orElseThrow();
        assertThat(v1.questions().get(0).prompt()).isEqualTo("Question 1");
        assertThat(v1.questions().get(0).weight()).isEqualTo(1.0);
        Evaluation reread = manager.find(old.id()).orElseThrow();
        assertThat(reread.versionId()).isEqualTo(form.versionId());
        assertThat(reread.score()).as("(1·1 + 2·0) / 3, by version 1's weights").isEqualTo(33.3);
        assertThat(new ScorecardService(QualityFixture.as("user")).current()).extracting(Scorecard::versionId)
                .as("a new evaluation is made against the newest version").contains(next).doesNotContain(form.versionId());
    }

    @Test
    void anAnswerBelongsToAQuestionOfItsEvaluationsOwnVersion() {
        ScorecardService scorecards = new ScorecardService(admin);
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 21), form.versionId());
        UUID next = newVersion(form.formId());
        UUID questionOfV2 = scorecards.version(next).orElseThrow().questions().get(0).id();
        Throwable foreign = catchThrowable(() -> manager.save(draft.id(), draft.updatedAt(), List.of(Answer.of(questionOfV2, 1))));
        assertThat(foreign).hasMessage("That refers to something that does not exist or is still in use.");
        assertThat(manager.answers(draft.id())).isEmpty();
    }

    @Test
    void onlyAdminsWriteForms() {
        for (String role : List.of("manager", "user")) {
            Jdbi login = QualityFixture.as(role);
            assertThat(Attempt.update(login, "update voxconsole.scorecard_questions set prompt = 'x' where id = '" + form.q(1) + "'").refused())
                    .as(role).isTrue();
            assertThat(Attempt.update(login, "insert into voxconsole.scorecard_forms (name) values ('Mine')").refused()).as(role).isTrue();
            assertThat(Attempt.count(login, "select count(*) from voxconsole.new_scorecard_version('" + form.formId() + "')").refused()).as(role).isTrue();
            assertThat(Attempt.update(login, "update voxconsole.review_settings set sample_percent = 50").refused()).as(role).isTrue();
        }
        assertThat(Attempt.run(admin, h -> {
            h.execute("insert into voxconsole.scorecard_forms (name, kind) values ('An admin form', 'any')");
            return h.createQuery("select count(*) from voxconsole.scorecard_forms where name = 'An admin form' and org_id = ?")
                    .bind(0, HARLEY).mapTo(Integer.class).one();
        }).rows()).as("an admin's new form is its own organization's").isEqualTo(1);
    }
}
