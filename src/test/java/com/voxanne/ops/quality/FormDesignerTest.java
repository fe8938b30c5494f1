package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.db.SaveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admins' form designer as an admin drives it, with same-thread executors on the demo
 * database: a new form, an edit in place, an edit of a used form that becomes the next version
 * while its evaluations keep theirs, two admins on one form, a manager refused, and archiving.
 */
class FormDesignerTest {

    private final Jdbi admin = QualityFixture.as("admin");
    private final AtomicInteger saves = new AtomicInteger();
    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void dropForms() {
        QualityFixture.owner().useTransaction(h -> made.forEach(form -> {
            h.execute("delete from voxconsole.evaluations e using voxconsole.scorecard_versions v where v.id = e.version_id and v.form_id = ?",
                    form);
            h.execute("delete from voxconsole.scorecard_forms where id = ?", form);
        }));
    }

    private FormDesignerViewModel designer(Jdbi login) {
        return new FormDesignerViewModel(new ScorecardService(login), Runnable::run, Runnable::run, saves::incrementAndGet);
    }

    /** A new two-question form, saved; the designer is left with it open. */
    private FormDesignerViewModel savedForm() {
        FormDesignerViewModel d = designer(admin);
        d.load();
        d.startNew(FormDesignerViewModel.blank());
        d.nameProperty().set("Designer test " + UUID.randomUUID());
        d.questions().get(0).promptProperty().set("Greeted with the business name");
        d.addQuestion();
        d.questionProperty().get().promptProperty().set("Read back the booking");
        d.questionProperty().get().criticalProperty().set(true);
        d.save();
        assertThat(d.formProperty().get()).as(d.messageProperty().get()).isNotNull();
        made.add(d.formProperty().get().formId());
        return d;
    }

    private static List<String> prompts(Jdbi login, UUID versionId) {
        return new ScorecardService(login).version(versionId).orElseThrow().questions().stream().map(ScorecardQuestion::prompt).toList();
    }

    @Test
    void aNewFormIsCheckedBeforeItIsSavedAsVersionOne() {
        FormDesignerViewModel d = designer(admin);
        d.load();
        d.startNew(FormDesignerViewModel.blank());
        assertThat(d.dirty()).as("a form not saved yet is unsaved work").isTrue();
        d.save();
        assertThat(d.messageProperty().get()).isEqualTo("Question 1 needs its words, at most 200 characters.");
        assertThat(d.formProperty().get()).isNull();

        d.questions().get(0).promptProperty().set("Offered a choice of slots");
        d.questions().get(0).typeProperty().set(AnswerType.CHOICE);
        d.questions().get(0).choicesProperty().set("Two or more = 1\nOne = 0.5\nNone");
        d.save();
        assertThat(d.messageProperty().get())
                .isEqualTo("Question 1 has a choice without a label or without a score from 0 to 1 (write each as: label = score).");

        d.nameProperty().set("Designer test " + UUID.randomUUID());
        d.questions().get(0).choicesProperty().set("Two or more = 1\nOne = 0,5\nNone = 0");
        d.save();
        FormSummary saved = d.formProperty().get();
        assertThat(saved).as(d.messageProperty().get()).isNotNull();
        made.add(saved.formId());
        assertThat(saved.version()).isEqualTo(1);
        assertThat(d.dirty()).isFalse();
        assertThat(saves).hasValue(1);
        assertThat(d.forms()).contains(saved);
        ScorecardQuestion q = new ScorecardService(QualityFixture.as("user")).version(saved.versionId()).orElseThrow().questions().get(0);
        assertThat(q.choices()).containsExactly(new Choice("Two or more", 1), new Choice("One", 0.5), new Choice("None", 0));
        assertThat(QuestionDraft.choicesText(q.choices())).isEqualTo("Two or more = 1\nOne = 0.5\nNone = 0");
    }

    @Test
    void anUnusedVersionChangesInPlace() {
        FormDesignerViewModel d = savedForm();
        FormSummary v1 = d.formProperty().get();
        d.questions().get(1).promptProperty().set("Read back the date and time");
        d.move(-1);
        d.passMarkProperty().set(70.0);
        d.save();
        FormSummary now = d.formProperty().get();
        assertThat(now.versionId()).isEqualTo(v1.versionId());
        assertThat(now.version()).isEqualTo(1);
        assertThat(prompts(admin, v1.versionId())).containsExactly("Read back the date and time", "Greeted with the business name");
        assertThat(new ScorecardService(admin).version(v1.versionId()).orElseThrow().passMark()).isEqualTo(70.0);
    }

    @Test
    void editingAUsedFormMakesTheNextVersionAndItsEvaluationsKeepTheirs() {
        FormDesignerViewModel d = savedForm();
        FormSummary v1 = d.formProperty().get();
        EvaluationService manager = QualityFixture.evaluations("manager");
        Scorecard scorecard = new ScorecardService(admin).version(v1.versionId()).orElseThrow();
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 40), v1.versionId());
        manager.submit(draft.id(), draft.updatedAt(), List.of(Answer.of(scorecard.questions().get(0).id(), 1),
                Answer.of(scorecard.questions().get(1).id(), 1)));
        d.load();
        d.open(d.forms().stream().filter(f -> f.formId().equals(v1.formId())).findFirst().orElseThrow());
        assertThat(d.statusProperty().get())
                .isEqualTo("Version 1 is used by 1 evaluation: saving makes version 2, and it keeps version 1.");

        d.questionProperty().set(d.questions().get(0));
        d.removeQuestion();
        d.addQuestion();
        d.questionProperty().get().promptProperty().set("Escalated when asked for a person");
        d.save();
        FormSummary v2 = d.formProperty().get();
        assertThat(d.messageProperty().get()).isEqualTo("Saved as version 2. The 1 evaluation made keeps version 1.");
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.versionId()).isNotEqualTo(v1.versionId());
        assertThat(prompts(admin, v2.versionId())).containsExactly("Read back the booking", "Escalated when asked for a person");
        assertThat(prompts(admin, v1.versionId())).containsExactly("Greeted with the business name", "Read back the booking");
        assertThat(manager.find(draft.id()).orElseThrow().versionId()).isEqualTo(v1.versionId());
        assertThat(new ScorecardService(admin).current()).extracting(Scorecard::versionId).contains(v2.versionId())
                .doesNotContain(v1.versionId());
    }

    @Test
    void twoAdminsOnOneFormNeverOverwriteEachOther() {
        FormDesignerViewModel first = savedForm();
        FormSummary opened = first.formProperty().get();
        FormDesignerViewModel second = designer(admin);
        second.load();
        second.open(opened);

        first.questions().get(0).promptProperty().set("Greeted warmly");
        first.save();
        second.questions().get(0).promptProperty().set("Greeted by name");
        second.save();
        assertThat(second.messageProperty().get()).startsWith("Another admin saved this form after you opened it");
        assertThat(second.theirsProperty().get()).isNotNull();
        assertThat(second.questions().get(0).promptProperty().get()).as("what the second admin typed is kept").isEqualTo("Greeted by name");
        assertThat(prompts(admin, opened.versionId()).get(0)).isEqualTo("Greeted warmly");

        second.keepMine();
        second.save();
        assertThat(second.theirsProperty().get()).isNull();
        assertThat(prompts(admin, opened.versionId()).get(0)).as("saved over, knowingly").isEqualTo("Greeted by name");

        first.questions().get(0).promptProperty().set("Greeted at all");
        first.save();
        first.reloadTheirs();
        assertThat(first.questions().get(0).promptProperty().get()).isEqualTo("Greeted by name");
        assertThat(first.dirty()).isFalse();
    }

    @Test
    void aManagerDesignsNothingAndKeepsWhatTheyTyped() {
        FormSummary form = savedForm().formProperty().get();
        FormDesignerViewModel manager = designer(QualityFixture.as("manager"));
        manager.load();
        manager.open(manager.forms().stream().filter(f -> f.formId().equals(form.formId())).findFirst().orElseThrow());
        manager.questions().get(0).promptProperty().set("Mine now");
        manager.save();
        assertThat(manager.messageProperty().get()).isEqualTo("You are not allowed to do that: your role does not have the right.");
        assertThat(manager.questions().get(0).promptProperty().get()).isEqualTo("Mine now");
        assertThat(prompts(admin, form.versionId()).get(0)).isEqualTo("Greeted with the business name");

        manager.startNew(FormDesignerViewModel.blank());
        manager.questions().get(0).promptProperty().set("A question");
        manager.save();
        assertThat(manager.messageProperty().get()).isEqualTo("You are not allowed to do that: your role does not have the right.");
        assertThat(manager.formProperty().get()).isNull();
    }

    @Test
    void anArchivedFormIsOfferedForNoNewEvaluation() {
        FormDesignerViewModel d = savedForm();
        FormSummary form = d.formProperty().get();
        d.toggleArchived();
        assertThat(d.formProperty().get().archived()).isTrue();
        assertThat(new ScorecardService(admin).current()).extracting(Scorecard::formId).doesNotContain(form.formId());
        d.toggleArchived();
        assertThat(d.formProperty().get().archived()).isFalse();
        assertThat(new ScorecardService(admin).current()).extracting(Scorecard::formId).contains(form.formId());
    }

    @Test
    void aStarterFormIsWrittenForTheAdminsOrganization() {
        ScorecardService scorecards = new ScorecardService(admin);
        FormDesign law = StarterForms.forKind("law_firm").orElseThrow().design();
        FormSummary saved = ((SaveResult.Saved<FormSummary>) scorecards.save(null, law)).now();
        made.add(saved.formId());
        Scorecard written = scorecards.version(saved.versionId()).orElseThrow();
        assertThat(written.formName()).isEqualTo("Law firm intake standard");
        assertThat(written.questions()).extracting(ScorecardQuestion::prompt).contains("Gave no legal advice", "Escalated when asked for a person");
        assertThat(written.questions().stream().filter(ScorecardQuestion::critical)).hasSize(3);
        UUID org = QualityFixture.owner().withHandle(h -> h.createQuery("select org_id from voxconsole.scorecard_forms where id = ?")
                .bind(0, saved.formId()).mapTo(UUID.class).one());
        assertThat(org).isEqualTo(HARLEY);
        assertThat(catchThrowable(() -> scorecards.save(null, law)))
                .hasMessage("Your organization already has a form with that name.");
    }
}
