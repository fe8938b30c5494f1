package com.voxanne.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Export streams: 100,000 calls with transcripts (well over 100 MB as JSON) go through a JVM with
 * a 96 MB heap. Holding them would fail with OutOfMemoryError.
 */
class ExportHeapBoundTest {

    @Test
    void exportsOneHundredThousandCallsInANinetySixMegabyteHeap() throws Exception {
        Path dir = TestWorkspace.root().resolve("heap-" + UUID.randomUUID());
        // The largest organization holds about a third of the calls: 300,000 gives it 100,000.
        try (EmbeddedServer ws = EmbeddedServer.start(dir.resolve("ws"), 0, new DemoOptions(3, 300_000, LocalDate.of(2026, 11, 1)))) {
            var login = ws.demoLogins().stream().filter(l -> l.loginRole().equals("demo_harley_user")).findFirst().orElseThrow();
            Path bundle = dir.resolve("all.voxbundle");
            CliRun export = CliRun.runWithJvmOptions(List.of("-Xmx96m", "-XX:+UseSerialGC"), Map.of("PGPASSWORD", login.password()), null,
                    "export", "--url", ws.jdbcUrl(), "--user", login.loginRole(), "--out", bundle.toString());
            assertThat(export.exit()).as(export.err()).isZero();
            var verification = BundleVerifier.verify(bundle, Set.of());
            assertThat(verification.status()).isEqualTo(BundleVerifier.Status.VERIFIED);
            long calls = 0;
            for (var entry : verification.manifest().get("entries")) {
                if (entry.get("name").asText().equals("calls.jsonl")) {
                    calls = entry.get("rows").asLong();
                    assertThat(entry.get("bytes").asLong()).as("more data than the heap").isGreaterThan(96L << 20);
                }
            }
            assertThat(calls).isGreaterThanOrEqualTo(100_000);
        } finally {
            // A 300,000-call workspace is over a gigabyte: do not leave it in target/.
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
