package com.voxanne.ops.profiles;

import com.voxanne.ops.records.Profile;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The people form: every field checked, and an admin cannot lock themselves out. */
class ProfileFormTest {

    private static final UUID ME = UUID.randomUUID();

    private static Profile profile(UUID id, String role) {
        return new Profile(id, UUID.randomUUID(), "p@clinic.example", "Pat Jones", null, role, null, "active", null,
                Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:00Z"));
    }

    private static ProfileForm form(Profile p) {
        ProfileForm f = new ProfileForm(new ProfileService(TestWorkspace.as("harley", "admin").jdbi()), true, ME, Runnable::run, Runnable::run);
        f.edit(p);
        return f;
    }

    @Test
    void eachFieldIsChecked() {
        ProfileForm f = form(profile(UUID.randomUUID(), "user"));
        f.phoneProperty().set("not a number");
        assertThat(f.inputProblem().get()).isEqualTo("Phone is not a valid phone number: type a UK number (07700 900123) or one with its country code (+33 1 23 45 67 89).");
        f.phoneProperty().set("");
        f.fullNameProperty().set("x".repeat(201));
        assertThat(f.inputProblem().get()).isEqualTo("The name is longer than 200 characters.");
        f.fullNameProperty().set("Pat Jones");
        f.roleProperty().set(null);
        assertThat(f.inputProblem().get()).isEqualTo("Choose a role: admin, manager or user.");
        f.roleProperty().set("manager");
        f.statusProperty().set(null);
        assertThat(f.inputProblem().get()).isEqualTo("Choose a status: active, inactive or suspended.");
        f.statusProperty().set("suspended");
        assertThat(f.inputProblem().get()).isEmpty();
        assertThat(f.canSave().get()).isTrue();
    }

    @Test
    void anAdminCannotDemoteOrSuspendThemselves() {
        ProfileForm f = form(profile(ME, "admin"));
        f.roleProperty().set("manager");
        assertThat(f.inputProblem().get()).isEqualTo("You cannot take away your own admin role; ask another admin.");
        f.roleProperty().set("admin");
        f.statusProperty().set("inactive");
        assertThat(f.inputProblem().get()).isEqualTo("You cannot deactivate yourself; ask another admin.");
        assertThat(f.canSave().get()).isFalse();
    }
}
