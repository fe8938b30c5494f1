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

    /**
     * The smoke option the Windows and macOS installer jobs start the installed console with: it
     * opens the demo, exits 0 once the first calls are shown, and its demo server stops with it.
     */
    @Test
    void theSmokeOptionExitsZeroOnceTheCallsAreShownAndLeavesNoServer() throws Exception {
        Path home = Files.createTempDirectory("voxconsole-smoke-");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                "-Dvoxconsole.demo.calls=200", "-Dvoxconsole.demo.traffic=off", Launcher.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VOXCONSOLE_HOME", home.toString());
        pb.environment().put("VOXCONSOLE_DEMO_LOGIN", "demo_harley_manager");
        pb.environment().put("VOXCONSOLE_SMOKE_SECONDS", "240");
        Process p = pb.start();
        try {
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("exits by itself").isTrue();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            assertThat(p.exitValue()).as(out).isZero();
            assertThat(out).contains("The smoke run passed: the first calls are on screen.");
            assertThat(ProcessHandle.allProcesses().filter(h -> h.info().commandLine().orElse("").contains(home.toString())))
                    .as("its demo server stopped with it").isEmpty();
        } finally {
            p.destroyForcibly();
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aSmokeOptionThatIsNotANumberIsOneSentenceAndExitTwo() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName()).redirectErrorStream(true);
        Path home = Files.createTempDirectory("voxconsole-smoke-bad-");
        pb.environment().put("VOXCONSOLE_HOME", home.toString());
        pb.environment().put("VOXCONSOLE_SMOKE_SECONDS", "soon");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes()).strip())
                .isEqualTo("VOXCONSOLE_SMOKE_SECONDS must be a whole number of seconds, not soon.");
        assertThat(p.exitValue()).isEqualTo(2);
    }

    @Test
    void missingNativeLibrariesNameWhatToInstall() {
        assertThat(WindowStart.sentence(new UnsatisfiedLinkError("no glassgtk3 in java.library.path")))
                .contains("GTK 3").contains("libgtk-3-0");
        assertThat(WindowStart.sentence(new RuntimeException("No toolkit found"))).contains("GTK 3");
        assertThat(WindowStart.sentence(new IllegalStateException("something else"))).isEqualTo("The console window could not start: something else.");
    }
}
