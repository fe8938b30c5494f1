package com.voxanne.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import org.junit.jupiter.api.Test;

/** The alert rule form checks the threshold against the kind of rule and the target against the action. */
class AlertRuleFormTest {

    private static AlertRuleForm form() {
        AlertRuleForm f = new AlertRuleForm(new AlertRuleService(TestWorkspace.as("harley", "admin").jdbi(), com.voxanne.ops.TestWorkspace.columns()), true, Runnable::run, Runnable::run);
        f.edit(AlertRule.draft());
        return f;
    }

    @Test
    void eachFieldIsChecked() {
        AlertRuleForm f = form();
        assertThat(f.inputProblem().get()).isEqualTo("The rule's name is required.");
        f.nameProperty().set("Unhappy caller");
        assertThat(f.inputProblem().get()).isEmpty();
        f.thresholdProperty().set("1.5");
        assertThat(f.inputProblem().get()).isEqualTo("The sentiment score must be between 0 and 1.");
        f.thresholdProperty().set("low");
        assertThat(f.inputProblem().get()).isEqualTo("The sentiment score must be a number between 0 and 1.");
        f.triggerProperty().set("urgency_at_least");
        assertThat(f.inputProblem().get()).as("an urgency rule takes a level").isEmpty();
        f.thresholdProperty().set("4");
        assertThat(f.inputProblem().get()).isEqualTo("Choose the urgency the rule waits for.");
        f.triggerProperty().set("lead_score_above");
        f.thresholdProperty().set("101");
        assertThat(f.inputProblem().get()).isEqualTo("The lead score must be between 0 and 100.");
        f.thresholdProperty().set("85");
        f.actionProperty().set("transfer");
        f.targetProperty().set("duty manager");
        assertThat(f.inputProblem().get()).isEqualTo(
                "The number to transfer to is not a valid phone number: type a UK number (07700 900123) or one with its country code (+33 1 23 45 67 89).");
        f.targetProperty().set("020 7946 0000");
        assertThat(f.inputProblem().get()).isEmpty();
        f.actionProperty().set("email");
        assertThat(f.inputProblem().get()).isEqualTo("The address to e-mail is not a valid e-mail address, for example name@clinic.example.");
        f.targetProperty().set("");
        assertThat(f.inputProblem().get()).isEqualTo("The address to e-mail is required.");
        f.actionProperty().set(null);
        assertThat(f.inputProblem().get()).isEqualTo("Choose what the rule does.");
        assertThat(f.canSave().get()).isFalse();
    }

    @Test
    void aUserSeesTheRulesButCannotSave() {
        AlertRuleForm f = new AlertRuleForm(new AlertRuleService(TestWorkspace.as("harley", "user").jdbi(), com.voxanne.ops.TestWorkspace.columns()), false, Runnable::run, Runnable::run);
        f.edit(AlertRule.draft());
        f.nameProperty().set("Mine");
        assertThat(f.inputProblem().get()).isEmpty();
        assertThat(f.canSave().get()).isFalse();
    }
}
