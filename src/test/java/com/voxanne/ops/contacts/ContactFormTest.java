package com.voxanne.ops.contacts;

import com.voxanne.ops.records.Contact;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad input in every field of the contact form is one sentence, blocks the save, and leaves what was typed. */
class ContactFormTest {

    private static final Contact ADA = new Contact(UUID.randomUUID(), UUID.randomUUID(), "+447700900123", "ada@example.com", "Ada", "Lovelace",
            "warm", 40, "Prefers mornings.", null, Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-02T10:00:00Z"));

    private static ContactForm form() {
        ContactForm f = new ContactForm(com.voxanne.ops.TestWorkspace.contactService(TestWorkspace.as("harley", "manager").jdbi()), true, Runnable::run, Runnable::run);
        f.edit(ADA);
        return f;
    }

    private static void assertProblem(ContactForm f, String sentence) {
        assertThat(f.inputProblem().get()).isEqualTo(sentence);
        assertThat(f.canSave().get()).isFalse();
    }

    @Test
    void anUntouchedFormHasNothingToSaveAndAFixedOneCan() {
        ContactForm f = form();
        assertThat(f.dirty().get()).isFalse();
        assertThat(f.canSave().get()).isFalse();
        f.leadScoreProperty().set("41");
        assertThat(f.inputProblem().get()).isEmpty();
        assertThat(f.canSave().get()).isTrue();
    }

    @Test
    void everyFieldSaysWhatIsWrong() {
        ContactForm f = form();
        f.firstNameProperty().set("  ");
        assertProblem(f, "First name is required.");
        f.firstNameProperty().set("Ada");
        f.lastNameProperty().set("x".repeat(101));
        assertProblem(f, "Last name is longer than 100 characters.");
        f.lastNameProperty().set("Lovelace");
        f.phoneProperty().set("12345");
        assertProblem(f, "Phone is not a valid phone number: type a UK number (07700 900123) or one with its country code (+33 1 23 45 67 89).");
        f.phoneProperty().set("");
        assertProblem(f, "Phone is required.");
        f.phoneProperty().set("07700 900123");
        assertThat(f.inputProblem().get()).as("a national number is read as British").isEmpty();
        assertThat(f.dirty().get()).as("and is the same number as before").isFalse();
        f.emailProperty().set("ada@");
        assertProblem(f, "E-mail is not a valid e-mail address, for example name@clinic.example.");
        f.emailProperty().set("");
        assertThat(f.inputProblem().get()).as("e-mail is optional").isEmpty();
        f.leadScoreProperty().set("101");
        assertProblem(f, "Lead score must be between 0 and 100.");
        f.leadScoreProperty().set("high");
        assertProblem(f, "Lead score must be a whole number between 0 and 100.");
        f.leadScoreProperty().set("");
        f.leadStatusProperty().set(null);
        assertProblem(f, "Choose a lead status: hot, warm, cold or contacted.");
        f.leadStatusProperty().set("hot");
        f.notesProperty().set("n".repeat(4_001));
        assertProblem(f, "Notes is longer than 4000 characters.");
        assertThat(f.notesProperty().get()).as("what was typed stays").hasSize(4_001);
    }

    @Test
    void aFailedSaveKeepsWhatWasTyped() {
        // ADA is not in the database: the save finds no row and says so, and the form keeps the edit.
        ContactForm f = form();
        f.notesProperty().set("Call after 3pm.");
        f.save();
        assertThat(f.messageProperty().get()).isEqualTo("This contact no longer exists.");
        assertThat(f.notesProperty().get()).isEqualTo("Call after 3pm.");
        assertThat(f.dirty().get()).isTrue();
    }
}
