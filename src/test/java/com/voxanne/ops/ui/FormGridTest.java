package com.voxanne.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.Styles;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** Issue 15: the field a form's problem is about gets a red outline, and loses it once the problem is mended. */
class FormGridTest {

    @Test
    void theFieldTheSentenceNamesIsOutlinedUntilItIsRight() throws Exception {
        FxToolkit.registerPrimaryStage();
        SimpleStringProperty problem = new SimpleStringProperty("");
        TextField phone = new TextField();
        TextField email = new TextField();
        FormGrid.outline(phone, problem, "Phone");
        FormGrid.outline(email, problem, "E-mail");
        problem.set("Phone is not a valid phone number: type a UK number (07700 900123) or one with its country code (+33 1 23 45 67 89).");
        assertThat(phone.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(email.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        problem.set("E-mail is not a valid e-mail address, for example name@clinic.example.");
        assertThat(phone.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(email.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        problem.set("");
        assertThat(email.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
    }
}
