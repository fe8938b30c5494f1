package com.voxanne.ops.cli;

import com.voxanne.ops.base.AppVersion;
import picocli.CommandLine.Command;

/** The top of the command line; with no subcommand the launcher opens the console window instead. */
@Command(name = "voxconsole", mixinStandardHelpOptions = true, versionProvider = AppVersion.class,
        description = "Voxanne Ops Console: watch and review calls, sentiment and appointments.%n"
                + "With no command, opens the console window.",
        subcommands = {DbCommand.class, MigrateCommand.class, AdoptCommand.class, DetachCommand.class, SeedCommand.class, UserCommand.class, ExportCommand.class, VerifyCommand.class, OpenCommand.class, NotesCommand.class, ReviewCommand.class, BenchCommand.class})
public final class VoxConsoleCommand {
}
