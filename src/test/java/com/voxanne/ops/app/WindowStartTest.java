package com.voxanne.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: a first run where JavaFX cannot open a window (no display; on Linux, no GTK 3) printed
 * a stack trace. It says one sentence and exits 1. The no-display case is a real child JVM started
 * without DISPLAY, as a person on a server or over plain SSH would.
 */
class WindowStartTest {

    @Test
    void noDisplayIsOneSentenceAndExitOne() throws Exception {
        Path home = Files.createTempDirectory("voxconsole-nodisplay-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dvoxconsole.home=" + home, Launcher.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().put("VOXCONSOLE_HOME", home.toString());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(out).isEqualTo("The console window needs a display, and none was found (DISPLAY is not set): start it on a desktop,"
                    + " or run a command instead (voxconsole --help).");
        } finally {
            p.destroyForcibly();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void missingNativeLibrariesNameWhatToInstall() {
        assertThat(WindowStart.sentence(new UnsatisfiedLinkError("no glassgtk3 in java.library.path")))
                .contains("GTK 3").contains("libgtk-3-0");
        assertThat(WindowStart.sentence(new RuntimeException("No toolkit found"))).contains("GTK 3");
        assertThat(WindowStart.sentence(new IllegalStateException("something else"))).isEqualTo("The console window could not start: something else.");
    }
}
