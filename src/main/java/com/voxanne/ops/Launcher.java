package com.voxanne.ops;

import com.voxanne.ops.cli.CommandLineRunner;
import com.voxanne.ops.workspace.AppDirectories;

/**
 * Entry point of the jar. With no arguments it opens the console window; with arguments it runs
 * the command line. It must not extend Application: on the class path JavaFX would then refuse
 * to start ("runtime components are missing").
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // Logback reads this when the first logger is created, so it must be set before any logging.
        if (System.getProperty("voxconsole.logdir") == null) {
            System.setProperty("voxconsole.logdir", AppDirectories.forCurrentUser().logs().toString());
        }
        if (args.length == 0) {
            javafx.application.Application.launch(com.voxanne.ops.ui.ConsoleApplication.class);
            return;
        }
        System.exit(CommandLineRunner.run(args));
    }
}
