package com.voxanne.ops.db;

import com.voxanne.ops.UserFacingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the console's Flyway migrations (resources/db/migration) to a PostgreSQL 15+ database. */
public final class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration";

    private SchemaMigrator() {
    }

    /**
     * Migrates as the connecting role, which becomes the schema owner. All pending migrations run in
     * one transaction, so a failure leaves the database exactly as it was.
     */
    public static MigrateResult migrate(DataSource ownerDataSource) {
        Flyway flyway = Flyway.configure()
                .dataSource(ownerDataSource)
                .locations(LOCATION)
                .defaultSchema("public")
                .createSchemas(false)
                .group(true)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
        try {
            return flyway.migrate();
        } catch (FlywayException e) {
            throw new UserFacingException("The schema migration failed and nothing was changed: " + rootMessage(e), e);
        }
    }

    /**
     * A digest of every migration script on the class path (names and contents): two databases
     * migrated by consoles with the same fingerprint have the same schema. Lets the console keep an
     * already-migrated template database and clone it instead of migrating again.
     */
    public static synchronized String fingerprint() {
        if (fingerprint == null) {
            fingerprint = MigrationScripts.digest("db/migration");
        }
        return fingerprint;
    }

    private static String fingerprint;

    /** The schema version this console is built for: its newest migration's. */
    public static synchronized int latestVersion() {
        if (latestVersion == 0) {
            latestVersion = MigrationScripts.latestVersion("db/migration");
        }
        return latestVersion;
    }

    private static int latestVersion;

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
