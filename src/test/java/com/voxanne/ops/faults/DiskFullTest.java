package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A disk that is really full: a child JVM runs in its own user and mount namespace
 * ({@code unshare -Urm}, no privilege needed) with its home on a 2 MiB tmpfs, fills it, then saves
 * the settings and exports a bundle. The settings file keeps its last good version (the write goes
 * to a temporary file that is renamed only when complete), the person is told once, and the export
 * fails in one sentence leaving nothing in the export folder.
 */
class DiskFullTest {

    @Test
    void aFullDiskKeepsTheLastGoodSettingsAndLeavesNoHalfExport() throws Exception {
        Path home = Files.createDirectories(TestWorkspace.root().resolve("disk-full-" + UUID.randomUUID()));
        var login = TestWorkspace.login("harley", "manager");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount -t tmpfs -o size=2m tmpfs \"$1\" && shift && exec \"$@\"";
        List<String> command = List.of("unshare", "-Urm", "sh", "-c", script, "sh", home.toString(),
                java, "-cp", System.getProperty("java.class.path"), DiskFullChild.class.getName(),
                home.toString(), TestWorkspace.get().jdbcUrl(), login.loginRole(), login.password(),
                TestWorkspace.orgId("Harley Street Dental Clinic").toString());
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(output).isZero();

        Map<String, String> found = new LinkedHashMap<>();
        output.lines().filter(l -> l.matches("[a-z-]+=.*")).forEach(l -> found.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
        assertThat(found).as(output).containsEntry("saved-with-room", "true").containsEntry("saved-when-full", "false")
                .containsEntry("prefs-intact", "true").containsEntry("kept-in-memory", "DARK").containsEntry("exports-left", "0");
        assertThat(found.get("notice")).startsWith("Your settings cannot be saved on this computer (").containsIgnoringCase("no space left on device");
        assertThat(found.get("export")).startsWith("failed: The bundle could not be written to ").endsWith("(no space left on device).");
        assertThat(Files.list(home).count()).as("the tmpfs lived only in the child's namespace").isZero();
        System.out.printf("disk full: %s bytes filled a 2 MiB disk; settings kept their last good file; export %s; nothing left behind%n",
                found.get("filled"), found.get("export"));
    }
}
