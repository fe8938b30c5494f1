package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.SqlErrors;
import picocli.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a command line and turns every failure into one sentence on stderr and a non-zero exit:
 * 2 for a wrong command line, 1 for a failure while running. Stack traces go to the log only.
 */
public final class CommandLineRunner {

    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILED = 1;
    private static final Logger LOG = LoggerFactory.getLogger(CommandLineRunner.class);
    /** Failures the person has read as a sentence: to the log file only (logback.xml). */
    private static final Logger TOLD = LoggerFactory.getLogger("voxconsole.told");

    private CommandLineRunner() {
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new VoxConsoleCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println(ex.getMessage().endsWith(".") ? ex.getMessage() : ex.getMessage() + ".");
            failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> {
            String sentence;
            if (ex instanceof UserFacingException) {
                sentence = ex.getMessage();
                // The person read the sentence; the log keeps why (the server's own words, the stack),
                // at a level the log keeps by default.
                TOLD.warn("Command failed: {}", sentence, ex.getCause() == null ? null : ex.getCause());
            } else {
                sentence = SqlErrors.describe(ex, "the server");
                LOG.error("Command failed", ex);
            }
            failed.getErr().println(sentence);
            return EXIT_FAILED;
        });
        return cl;
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
