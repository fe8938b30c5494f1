package com.voxanne.ops.cli;

import com.voxanne.ops.adoption.Detach;
import com.voxanne.ops.db.OwnerDataSource;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `detach`: removes everything adopt added. */
@Command(name = "detach", mixinStandardHelpOptions = true,
        description = {"Removes everything 'adopt' added, as the owner (--user).",
            "That is the console's indexes, policies, triggers, grants and its schema voxconsole (with its audit trail and logins list).",
            "The platform's tables, rows, policies and grants stay exactly as before. Group roles are dropped when no login uses them;",
            "logins only with --drop-logins."})
final class DetachCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--drop-logins", description = "Also drop the console's login roles.")
    boolean dropLogins;

    @Override
    public Integer call() {
        var settings = server.settings();
        var outcome = Detach.run(OwnerDataSource.open(settings, PasswordSource.forUser(settings.user())), dropLogins);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("Detached: %d indexes, %d policies and %d triggers removed, schema voxconsole dropped.%n", outcome.indexes(),
                outcome.policies(), outcome.triggers());
        if (!outcome.droppedRoles().isEmpty()) {
            out.println("Roles dropped: " + String.join(", ", outcome.droppedRoles()) + ".");
        }
        if (!outcome.keptRoles().isEmpty()) {
            out.println("Roles kept: " + String.join("; ", outcome.keptRoles()) + ".");
        }
        return 0;
    }
}
