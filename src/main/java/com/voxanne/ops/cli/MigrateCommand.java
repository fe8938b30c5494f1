package com.voxanne.ops.cli;

import com.voxanne.ops.db.OwnerDataSource;
import com.voxanne.ops.db.SchemaMigrator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `migrate`: brings any PostgreSQL 15+ database to the console's schema. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Applies the console's schema migrations as --user, who becomes the schema owner",
            "(a superuser, or a role with BYPASSRLS and CREATEROLE). All pending migrations run in one transaction."})
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
        if (result.migrationsExecuted == 0) {
            out.println("The schema is up to date (version " + result.initialSchemaVersion + ").");
        } else {
            out.println("Applied " + result.migrationsExecuted + " migration(s); the schema is now at version " + result.targetSchemaVersion + ".");
        }
        return 0;
    }
}
