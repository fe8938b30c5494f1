package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Puts the console on a database, in two parts (docs/schema.md): the platform part, the schema
 * SSOT's 26 tables as the platform has them, created only on a database that holds none of them;
 * and the console part, everything the console adds on top, in its own schema {@value #SCHEMA}
 * (Flyway migrations from resources/db/migration with their history there), the search documents
 * and readings of the calls already there, and its indexes on the platform's tables. {@link #migrate} is "create the platform part if absent, then adopt", so
 * the demo and every test exercise the same adoption an operator runs on production.
 */
public final class SchemaMigrator {

    public static final String LOCATION = "classpath:db/migration";
    public static final String SCHEMA = "voxconsole";

    /** The platform's production tables; the console cannot work without any of them. */
    public static final List<String> PRODUCTION_TABLES = List.of("organizations", "profiles", "contacts", "calls", "appointments",
            "call_tracking", "feature_flags", "org_tools", "onboarding_submissions");

    /** The console's group roles, highest first (V1 makes each a member of the one after it). */
    public static final List<String> GROUP_ROLES = List.of("vox_admin", "vox_manager", "vox_user", "vox_console");

    /** The schema pgcrypto is installed in, quoted for SQL; no row when it is absent. */
    public static final String PGCRYPTO_SCHEMA = "select quote_ident(n.nspname) from pg_extension e join pg_namespace n"
            + " on n.oid = e.extnamespace where e.extname = 'pgcrypto'";

    /** The configuration tables; the console reads what it finds of them. */
    public static final List<String> CONFIGURATION_TABLES = List.of("agents", "services", "knowledge_base", "knowledge_base_chunks",
            "knowledge_base_changelog", "integrations", "org_credentials", "carrier_forwarding_rules", "leads", "audit_logs",
            "telephony_country_audit_log", "security_audit_log", "org_feature_flags", "hot_lead_alerts", "twilio_subaccounts",
            "escalation_rules", "integration_settings");

    private SchemaMigrator() {
    }

    /** What one adoption did. */
    public record Outcome(boolean createdPlatform, int migrationsApplied, int schemaVersion, ConsoleIndexes.Built indexes) {
    }

    /**
     * For an empty database or one the console already made: creates the platform part when none of
     * its tables exists, then adopts. Refuses a database that holds some of the platform's tables
     * but not all (that is `adopt`'s job, after its dry run).
     */
    public static Outcome migrate(DataSource owner) {
        int present = countPlatformTables(owner);
        boolean create = present == 0;
        if (create) {
            createPlatformPart(owner);
        } else if (present < PRODUCTION_TABLES.size() + CONFIGURATION_TABLES.size() && !hasConsolePart(owner)) {
            throw new UserFacingException("This database already holds " + present + " of the platform's 26 tables: attach the console to it"
                    + " with 'voxconsole adopt --dry-run' and then 'voxconsole adopt' instead of migrate.");
        }
        Outcome adopted = adopt(owner, name -> { });
        return new Outcome(create, adopted.migrationsApplied(), adopted.schemaVersion(), adopted.indexes());
    }

    /**
     * Adds the console part to a database that holds the platform's tables. The migrations run in
     * one transaction (a failure leaves the database as it was); the indexes are then built one by
     * one outside it, CONCURRENTLY, and a rerun finishes what an interrupted run left. Running it
     * again when everything is there changes nothing.
     *
     * @param beforeIndex told the name of each index before it is built (progress, and tests)
     */
    public static Outcome adopt(DataSource owner, Consumer<String> beforeIndex) {
        String crypto = cryptoSchema(owner);
        Flyway flyway = flyway(owner, crypto);
        MigrateResult result;
        try {
            result = flyway.migrate();
        } catch (FlywayException e) {
            throw new UserFacingException("The console's schema could not be added and nothing of it was changed: " + rootMessage(e), e);
        }
        CallBackfill.backfill(owner);
        ConsoleIndexes.Built built = ConsoleIndexes.ensure(owner, beforeIndex);
        CallBackfill.backfillSignals(owner);
        ConsolePrivileges.lockDown(owner);
        return new Outcome(false, result.migrationsExecuted, latestApplied(flyway), built);
    }

    /** The console migrations adopt would apply now, in order, as "V3 rules for console writes". */
    public static List<String> pending(DataSource owner) {
        Flyway flyway = flyway(owner, cryptoSchema(owner));
        return java.util.Arrays.stream(flyway.info().pending())
                .map(m -> "V" + m.getVersion() + " " + m.getDescription()).toList();
    }

    private static Flyway flyway(DataSource owner, String crypto) {
        return Flyway.configure()
                .dataSource(owner)
                .locations(LOCATION)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .placeholders(Map.of("crypto", crypto))
                .group(true)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .load();
    }

    private static int latestApplied(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? 0 : Integer.parseInt(current.getVersion().getVersion().split("\\.")[0]);
    }

    /**
     * The schema pgcrypto is installed in, quoted for SQL. Supabase keeps it in {@code extensions};
     * where it is absent, the first migration installs it in the console's own schema (and detach
     * takes it away with the schema).
     */
    static String cryptoSchema(DataSource owner) {
        return ask(owner, "select coalesce((" + PGCRYPTO_SCHEMA + "), ?)", SCHEMA, rs -> rs.getString(1));
    }

    public static boolean hasConsolePart(DataSource owner) {
        return ask(owner, "select to_regclass(?) is not null", SCHEMA + ".flyway_schema_history", rs -> rs.getBoolean(1));
    }

    private static int countPlatformTables(DataSource owner) {
        return ask(owner, "select count(*) from pg_class where relnamespace = 'public'::regnamespace and relkind in ('r', 'p')"
                + " and relname = any(string_to_array(?, ','))", String.join(",", java.util.stream.Stream.concat(
                        PRODUCTION_TABLES.stream(), CONFIGURATION_TABLES.stream()).toList()), rs -> rs.getInt(1));
    }

    private interface Reader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** One value from a query with one text parameter, as the owner. */
    private static <T> T ask(DataSource owner, String sql, String parameter, Reader<T> reader) {
        try (Connection c = owner.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
        }
    }

    private static void createPlatformPart(DataSource owner) {
        String sql = Resources.text("db/platform/platform_tables.sql");
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute(sql);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new UserFacingException("The platform's tables could not be created and nothing was changed: " + e.getMessage(), e);
        }
    }

    /**
     * A digest of every script that shapes the schema (both parts, names and contents): two
     * databases made by consoles with the same fingerprint have the same schema. Lets the console
     * keep an already-migrated template database and clone it instead of migrating again.
     */
    public static synchronized String fingerprint() {
        if (fingerprint == null) {
            fingerprint = MigrationScripts.digest("db/migration") + MigrationScripts.digest("db/platform")
                    + Resources.sha256("db/console-indexes.sql");
            fingerprint = Resources.sha256Hex(fingerprint);
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

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.toString() : root.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
