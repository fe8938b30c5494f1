package com.voxanne.ops.cli;

import com.voxanne.ops.db.OwnerDataSource;
import com.voxanne.ops.db.SchemaMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `migrate`: an empty database gets the platform's tables, then the console part (as `adopt` adds it). */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"On an empty database: creates the platform's 26 tables, then adds the console's part as 'adopt' does.",
            "On a database the console already runs on: brings the console's part up to date.",
            "Run it as the schema owner (a superuser, or a role with BYPASSRLS and CREATEROLE)."})
final class MigrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Override
    public Integer call() {
        var settings = server.settings();
        var result = SchemaMigrator.migrate(OwnerDataSource.open(settings, PasswordSource.forUser(settings.user())));
        var out = spec.commandLine().getOut();
        if (result.createdPlatform()) {
            out.println("Created the platform's 26 tables.");
        }
        if (result.migrationsApplied() == 0) {
            out.println("The console's schema is up to date (version " + result.schemaVersion() + ").");
        } else {
            out.println("Applied " + result.migrationsApplied() + " migration(s); the console's schema is now at version "
                    + result.schemaVersion() + ".");
        }
        return 0;
    }
}
