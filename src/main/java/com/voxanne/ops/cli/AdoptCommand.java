package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.adoption.AdoptionCheck;
import com.voxanne.ops.db.OwnerDataSource;
import com.voxanne.ops.db.SchemaMigrator;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `adopt`: attaches the console to a database that already holds the platform's tables. */
@Command(name = "adopt", mixinStandardHelpOptions = true,
        description = {"Attaches the console to the platform's existing database, as its owner (--user).",
            "Additive only: the console's schema voxconsole, its policies and triggers for its own roles, and indexes built",
            "concurrently; never a platform column, row, policy or grant. Run it again to finish an interrupted run.",
            "--dry-run changes nothing and prints what adopt would find and add; exit 1 names the first blocker."})
final class AdoptCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--dry-run", description = "Report only; change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        var settings = server.settings();
        var owner = OwnerDataSource.open(settings, PasswordSource.forUser(settings.user()));
        PrintWriter out = spec.commandLine().getOut();
        AdoptionCheck.Report report = AdoptionCheck.run(owner);
        if (dryRun) {
            report.lines().forEach(out::println);
            out.println(report.wouldAdd().isEmpty() ? "Adopt would add nothing: the console is attached and up to date."
                    : "Adopt would add:");
            report.wouldAdd().forEach(a -> out.println("  " + a));
            out.flush();
            if (!report.adoptable()) {
                throw new UserFacingException("This database cannot be adopted yet: " + report.firstBlocker().orElseThrow());
            }
            out.println("The database can be adopted.");
            return 0;
        }
        if (!report.adoptable()) {
            throw new UserFacingException("Nothing was changed: " + report.firstBlocker().orElseThrow());
        }
        long started = System.nanoTime();
        var outcome = SchemaMigrator.adopt(owner, name -> {
            out.println("Building index " + name + " …");
            out.flush();
        });
        out.printf("Adopted in %.1f s: %d migration(s) applied, schema version %d; indexes: %d built, %d rebuilt, %d already there%s.%n",
                (System.nanoTime() - started) / 1e9, outcome.migrationsApplied(), outcome.schemaVersion(), outcome.indexes().built(),
                outcome.indexes().rebuilt(), outcome.indexes().present(), outcome.indexes().skipped() == 0 ? ""
                        : ", " + outcome.indexes().skipped() + " left out (a configuration table lacks their columns)");
        if (!report.violations().isEmpty()) {
            out.printf("%d of the SSOT's data rules are broken by existing rows (see --dry-run); the console checks only its own writes.%n",
                    report.violations().size());
        }
        return 0;
    }
}
