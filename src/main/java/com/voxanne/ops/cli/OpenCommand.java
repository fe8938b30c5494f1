package com.voxanne.ops.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * `open FILE`: documented here, carried out by the launcher, which opens the window on the bundle
 * (the command line itself never touches JavaFX). Reaching this means the arguments were unusual.
 */
@Command(name = "open", mixinStandardHelpOptions = true,
        description = {"Opens a .voxbundle in the console window for offline review, with no database server.",
            "The bundle is checked first; the window shows whether it is verified, unsigned or modified."})
final class OpenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "The bundle.")
    Path file;

    @Override
    public Integer call() {
        System.err.println("Open one bundle at a time: voxconsole open FILE.");
        return CommandLineRunner.EXIT_USAGE;
    }
}
