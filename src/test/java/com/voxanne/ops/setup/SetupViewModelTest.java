package com.voxanne.ops.setup;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The setup workspace shows the cached copy at once and says how old it is when the server is away. */
class SetupViewModelTest {

    @Test
    void showsTheCacheThenRefreshesAndExplainsAnUnreachableServer() {
        Path dir = TestWorkspace.root().resolve("setup-" + UUID.randomUUID());
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        ReferenceCache cache = new ReferenceCache(dir, "server", ReferenceCacheTest.session(org, "demo_harley_user"));
        SetupViewModel online = new SetupViewModel(new ReferenceService(TestWorkspace.as("harley", "user").jdbi(), cache, com.voxanne.ops.TestWorkspace.columns()), Runnable::run, Runnable::run);
        online.start();
        assertThat(online.snapshotProperty().get()).isNotNull();
        assertThat(online.statusProperty().get()).startsWith("Up to date (checked just now");

        Jdbi down = Jdbi.create("jdbc:postgresql://127.0.0.1:1/voxanne?connectTimeout=1", "demo_harley_user", "x");
        SetupViewModel offline = new SetupViewModel(new ReferenceService(down, cache, com.voxanne.ops.TestWorkspace.columns()), Runnable::run, Runnable::run);
        offline.start();
        assertThat(offline.snapshotProperty().get()).as("the cached setup is shown offline").isNotNull();
        assertThat(offline.snapshotProperty().get().agents()).hasSize(2);
        assertThat(offline.statusProperty().get()).startsWith("Showing the copy from just now; Cannot reach the database server");
    }
}
