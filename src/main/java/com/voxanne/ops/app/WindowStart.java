package com.voxanne.ops.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the console window, and when JavaFX cannot (no display, no GTK 3 on Linux) says so in one
 * sentence and exits 1, instead of a stack trace: a first run on a new laptop is where this happens.
 */
final class WindowStart {

    /** The file keeps the stack; the person reads one sentence on stderr, not the two. */
    private static final Logger TOLD = LoggerFactory.getLogger("voxconsole.told");

    private WindowStart() {
    }

    static void launch() {
        // JavaFX warns on every start that it was loaded from the class path; that is how the jar runs, by design.
        java.util.logging.Logger.getLogger("javafx").setLevel(java.util.logging.Level.SEVERE);
        SmokeRun.armIfAsked();
        if (SmokeRun.exitCode() != 0) {
            System.exit(SmokeRun.exitCode());
        }
        try {
            javafx.application.Application.launch(ConsoleApplication.class);
            if (SmokeRun.armed()) {
                System.exit(SmokeRun.exitCode());
            }
        } catch (RuntimeException | LinkageError e) {
            TOLD.warn("The window could not start", e);
            System.err.println(sentence(e));
            System.exit(1);
        }
    }

    /** What the person reads when the window cannot open. */
    static String sentence(Throwable failure) {
        String text = messages(failure);
        if (text.contains("Unable to open DISPLAY")) {
            return "The console window needs a display, and none was found (DISPLAY is not set): start it on a desktop,"
                    + " or run a command instead (voxconsole --help).";
        }
        if (failure instanceof LinkageError || text.contains("GTK") || text.contains("gtk") || text.contains("toolkit")) {
            return "The console window needs GTK 3, which this computer lacks: install it (on Debian or Ubuntu: sudo apt install"
                    + " libgtk-3-0) and start the console again.";
        }
        return "The console window could not start: " + (failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage())
                + ".";
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(' ');
        }
        return all.toString();
    }
}
