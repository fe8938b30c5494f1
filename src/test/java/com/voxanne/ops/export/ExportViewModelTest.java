package com.voxanne.ops.export;

import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleVerifier;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Exporting from the console: progress with an estimate, a verified file, and a Cancel that leaves nothing. */
class ExportViewModelTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");

    private ExportViewModel model(Executor fx, Path dir) throws Exception {
        InstallationKey key = InstallationKey.loadOrCreate(dir.resolve("key"));
        return new ExportViewModel(new ExportService(TestWorkspace.as("harley", "manager").jdbi(), key), Runnable::run, fx, HARLEY,
                ZoneId.of("Europe/London"), new ExportService.Origin("demo_harley_manager", "T", "Harley Street Dental Clinic", HARLEY, "test"));
    }

    @Test
    void exportsTheFilterWithAnEstimateAndARedactionChoice() throws Exception {
        Path dir = TestWorkspace.root().resolve("export-vm-" + UUID.randomUUID());
        var seen = new java.util.ArrayList<String>();
        AtomicReference<ExportViewModel> ref = new AtomicReference<>();
        ExportViewModel m = model(r -> {
            r.run();
            if (ref.get() != null) {
                seen.add(ref.get().statusProperty().get());
            }
        }, dir);
        ref.set(m);
        m.redactProperty().set(true);
        Path out = dir.resolve("negative.voxbundle");
        m.export(CallFilter.NONE.withSentimentLabels(Set.of("negative")), out);
        assertThat(m.runningProperty().get()).isFalse();
        assertThat(m.statusProperty().get()).matches("Exported \\d+ calls to negative.voxbundle \\(redacted\\)\\.");
        assertThat(seen).anyMatch(s -> s.matches("[\\d,]+ of [\\d,]+ calls, about \\d+ s left"));
        var verification = BundleVerifier.verify(out, Set.of());
        assertThat(verification.status()).isEqualTo(BundleVerifier.Status.VERIFIED);
        assertThat(verification.manifest().get("redacted").asBoolean()).isTrue();
        assertThat(verification.manifest().get("filter").get("chips").get(0).asText()).isEqualTo("Sentiment: negative");
    }

    @Test
    void cancellingLeavesNoFile() throws Exception {
        Path dir = TestWorkspace.root().resolve("export-cancel-" + UUID.randomUUID());
        AtomicReference<ExportViewModel> ref = new AtomicReference<>();
        ExportViewModel m = model(r -> {
            r.run();
            if (ref.get() != null && ref.get().runningProperty().get()) {
                ref.get().cancel();
            }
        }, dir);
        ref.set(m);
        Path out = dir.resolve("all.voxbundle");
        m.export(CallFilter.NONE, out);
        assertThat(m.statusProperty().get()).isEqualTo("Export cancelled; no file was written.");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("key");
        }
    }
}
