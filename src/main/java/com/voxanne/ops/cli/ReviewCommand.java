package com.voxanne.ops.cli;

import picocli.CommandLine.Command;

/** `review …`: the commands of a supervisor's review work (the flagged calls; later, evaluations). */
@Command(name = "review", mixinStandardHelpOptions = true, subcommands = {ReviewSignalsCommand.class, ReviewImportCommand.class},
        description = "Review work from the command line: the calls the signals flag, and importing evaluations made offline.")
final class ReviewCommand {
}
