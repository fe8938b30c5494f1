package com.voxanne.ops.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.demo.DemoOptions;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The view model with same-thread executors: no JavaFX toolkit, real embedded server. */
class DemoWorkspaceViewModelTest {

    @Test
    void reportsProgressThenTheLogins() {
        var model = new DemoWorkspaceViewModel(Runnable::run, Runnable::run, TestWorkspace.root().resolve("vm-" + UUID.randomUUID()),
                new DemoOptions(3, 20_000, LocalDate.of(2026, 11, 1)));
        var seen = new java.util.ArrayList<Double>();
        model.progressProperty().addListener((obs, old, now) -> seen.add(now.doubleValue()));
        try {
            model.start();
            assertThat(model.readyProperty().get()).isTrue();
            assertThat(model.failedProperty().get()).isFalse();
            assertThat(model.logins()).hasSize(6);
            assertThat(model.serverAddressProperty().get()).startsWith("jdbc:postgresql://127.0.0.1:");
            assertThat(seen).as("progress rose while calls were written").contains(0.5, 1.0);
        } finally {
            model.stop();
        }
    }

    @Test
    void aWorkspaceThatCannotStartSaysWhyInOneSentence() throws Exception {
        var dir = TestWorkspace.root().resolve("vm-broken-" + UUID.randomUUID());
        Files.createDirectories(dir.resolve("pgdata"));
        Files.writeString(dir.resolve("pgdata").resolve("PG_VERSION"), "17\n");
        Files.writeString(dir.resolve("bootstrap.done"), "created\n");
        var model = new DemoWorkspaceViewModel(Runnable::run, Runnable::run, dir, new DemoOptions(3, 10, LocalDate.of(2026, 11, 1)));
        model.start();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.readyProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).isEqualTo("The workspace's password file " + dir.resolve("secrets.properties")
                + " is missing, so its server cannot be opened.");
    }
}
