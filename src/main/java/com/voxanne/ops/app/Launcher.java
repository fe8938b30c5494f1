package com.voxanne.ops.app;

import com.voxanne.ops.cli.CommandLineRunner;
import com.voxanne.ops.files.AppDirectories;

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
        AppDirectories.makePrivate(AppDirectories.forCurrentUser(), java.nio.file.Path.of(System.getProperty("voxconsole.logdir")));
        if (args.length == 0) {
            WindowStart.launch();
            return;
        }
        // `open FILE` is the window too: a bundle for offline review (picocli only explains it: `open --help`).
        // A bare FILE.voxbundle is what a double-click on an installed system passes (the file association).
        String bundleArgument = args.length == 2 && args[0].equals("open") && !args[1].startsWith("-") ? args[1]
                : args.length == 1 && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".voxbundle") ? args[0] : null;
        if (bundleArgument != null) {
            java.nio.file.Path bundle = java.nio.file.Path.of(bundleArgument).toAbsolutePath();
            if (!java.nio.file.Files.isRegularFile(bundle)) {
                System.err.println("There is no file " + bundleArgument + ".");
                System.exit(2);
            }
            System.setProperty("voxconsole.open.bundle", bundle.toString());
            WindowStart.launch();
            return;
        }
        System.exit(CommandLineRunner.run(args));
    }
}
