package com.voxanne.ops.app;

/**
 * The installed console's smoke option, for the installer workflow on each system:
 * VOXCONSOLE_SMOKE_SECONDS=N (or -Dvoxconsole.smoke.seconds=N) makes the window close by itself,
 * exit code 0, once the first page of calls is shown, or exit code 1, with one sentence, if that
 * has not happened within N seconds. The window closes the normal way, so the demo's server
 * stops as it does when a person closes the console.
 */
final class SmokeRun {

    private static volatile boolean armed;
    private static volatile int exitCode;

    private SmokeRun() {
    }

    /** Starts the deadline, when the smoke option is set. */
    static void armIfAsked() {
        String seconds = System.getProperty("voxconsole.smoke.seconds", System.getenv("VOXCONSOLE_SMOKE_SECONDS"));
        if (seconds == null || seconds.isBlank()) {
            return;
        }
        long limit;
        try {
            limit = Long.parseLong(seconds.strip());
        } catch (NumberFormatException e) {
            System.err.println("VOXCONSOLE_SMOKE_SECONDS must be a whole number of seconds, not " + seconds + ".");
            exitCode = 2;
            armed = true;
            return;
        }
        armed = true;
        Thread deadline = new Thread(() -> {
            try {
                Thread.sleep(limit * 1000);
            } catch (InterruptedException e) {
                return;
            }
            exitCode = 1;
            System.err.println("The smoke run failed: the console did not show its first calls within " + limit + " s.");
            javafx.application.Platform.exit();
        }, "smoke-deadline");
        deadline.setDaemon(true);
        deadline.start();
    }

    /** The first page of calls is on screen: a smoke run has done what it came for. */
    static void callsShown() {
        if (armed && exitCode == 0) {
            System.out.println("The smoke run passed: the first calls are on screen.");
            javafx.application.Platform.runLater(javafx.application.Platform::exit);
        }
    }

    static boolean armed() {
        return armed;
    }

    static int exitCode() {
        return exitCode;
    }
}
