package com.voxanne.ops.adoption;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConsoleIndexes;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.db.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * `voxconsole adopt --dry-run`: reads a database in one read-only transaction and tells whether
 * the console can be attached to it, what is missing or of another type, which rows break the
 * SSOT's data rules, and what adopt would add. It changes nothing: the transaction is read-only.
 */
public final class AdoptionCheck {

    /** Rows that break one rule: how many, and a few of their ids. */
    public record Violations(DataRule rule, long count, List<String> examples) {
    }

    /** The whole answer. {@code blockers} in the order found; adoptable when it is empty. */
    public record Report(List<String> lines, List<String> blockers, List<Violations> violations, List<String> wouldAdd) {
        public boolean adoptable() {
            return blockers.isEmpty();
        }

        public Optional<String> firstBlocker() {
            return blockers.stream().findFirst();
        }
    }

    private AdoptionCheck() {
    }

    public static Report run(DataSource owner) {
        List<String> pending = SchemaMigrator.pending(owner);
        try (Connection c = owner.getConnection(); Connection probe = owner.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                return new Inspection(c, probe, pending).report();
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
        }
    }

    /** One inspection of one database. */
    private static final class Inspection {
        private final Connection c;
        /** For the index comparisons only, each in a transaction rolled back (a temporary table cannot be made read-only). */
        private final Connection probe;
        private final List<String> pending;
        private final List<String> lines = new ArrayList<>();
        private final List<String> blockers = new ArrayList<>();
        private final List<Violations> violations = new ArrayList<>();
        private final List<String> wouldAdd = new ArrayList<>();

        Inspection(Connection c, Connection probe, List<String> pending) {
            this.c = c;
            this.probe = probe;
            this.pending = pending;
        }

        Report report() throws SQLException {
            readOnly();
            checkRole();
            boolean adopted = checkConsoleSchema();
            Set<String> present = tables();
            checkColumns(present);
            reportConfiguration(present);
            checkRowSecurity(present);
            countViolations(present);
            listAdditions(adopted, present);
            return new Report(List.copyOf(lines), List.copyOf(blockers), List.copyOf(violations), List.copyOf(wouldAdd));
        }

        private void checkRole() throws SQLException {
            try (ResultSet rs = query("select current_user, rolsuper, rolbypassrls, rolcreaterole from pg_roles where rolname = current_user")) {
                rs.next();
                String who = rs.getString(1);
                boolean superuser = rs.getBoolean(2);
                lines.add("Connected as " + who + (superuser ? " (superuser)" : "") + ".");
                if (!superuser && !rs.getBoolean(3)) {
                    blockers.add(who + " cannot bypass row-level security: run adopt as the schema owner (a superuser, or a role with BYPASSRLS).");
                }
                if (!superuser && !rs.getBoolean(4)) {
                    blockers.add(who + " cannot create roles: run adopt as a role with CREATEROLE, which the console's group roles need.");
                }
            }
        }

        private boolean checkConsoleSchema() throws SQLException {
            boolean schema;
            boolean history;
            try (ResultSet rs = query("select to_regnamespace('voxconsole') is not null, to_regclass('voxconsole.flyway_schema_history') is not null")) {
                rs.next();
                schema = rs.getBoolean(1);
                history = rs.getBoolean(2);
            }
            if (history) {
                lines.add("The console is already attached (schema voxconsole); adopt brings it up to date.");
            } else if (schema) {
                blockers.add("A schema named voxconsole exists that the console did not make: rename or drop it first.");
            }
            return history;
        }

        /** The platform's tables present; one the connected role does not own is a blocker. */
        private Set<String> tables() throws SQLException {
            Set<String> found = new java.util.HashSet<>();
            List<String> all = Stream.concat(SchemaMigrator.PRODUCTION_TABLES.stream(), SchemaMigrator.CONFIGURATION_TABLES.stream()).toList();
            try (PreparedStatement s = c.prepareStatement("""
                    select c.relname, pg_get_userbyid(c.relowner), pg_has_role(current_user, c.relowner, 'USAGE')
                    from pg_class c where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') and c.relname = any(?)""")) {
                s.setArray(1, c.createArrayOf("text", all.toArray()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getString(1));
                        if (!rs.getBoolean(3)) {
                            blockers.add("public." + rs.getString(1) + " belongs to " + rs.getString(2)
                                    + ": run adopt as its owner, who alone can add policies and triggers to it.");
                        }
                    }
                }
            }
            List<String> missingProduction = SchemaMigrator.PRODUCTION_TABLES.stream().filter(t -> !found.contains(t)).toList();
            List<String> missingConfig = SchemaMigrator.CONFIGURATION_TABLES.stream().filter(t -> !found.contains(t)).toList();
            lines.add("Tables: " + found.size() + " of the platform's 26 exist" + (found.size() == 26 ? "." : ";"
                    + (missingProduction.isEmpty() ? "" : " missing production tables: " + String.join(", ", missingProduction) + ";")
                    + (missingConfig.isEmpty() ? "" : " missing configuration tables (the console does without them): "
                    + String.join(", ", missingConfig) + ".")));
            for (String t : missingProduction) {
                blockers.add("The platform's table public." + t + " does not exist: this is not the platform's database, or not its public schema.");
            }
            return found;
        }

        private void checkColumns(Set<String> present) throws SQLException {
            for (var table : PlatformContract.TABLES.entrySet()) {
                if (!present.contains(table.getKey())) {
                    continue;
                }
                Map<String, String> types = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement("""
                        select a.attname, t.typname from pg_attribute a
                        join pg_type t on t.oid = case when (select typtype from pg_type where oid = a.atttypid) = 'd'
                                                        then (select typbasetype from pg_type where oid = a.atttypid) else a.atttypid end
                        where a.attrelid = ?::regclass and a.attnum > 0 and not a.attisdropped""")) {
                    s.setString(1, "public." + table.getKey());
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            types.put(rs.getString(1), rs.getString(2));
                        }
                    }
                }
                List<String> problems = new ArrayList<>();
                for (PlatformContract.Column col : table.getValue()) {
                    String type = types.get(col.name());
                    if (type == null) {
                        problems.add(col.name() + " is missing");
                        blockers.add("public." + table.getKey() + " has no column " + col.name() + ", which the console reads.");
                    } else if (!col.types().contains(type)) {
                        problems.add(col.name() + " is " + type + ", the console needs " + col.types().get(0));
                        blockers.add("public." + table.getKey() + "." + col.name() + " is of type " + type + "; the console needs "
                                + col.types().get(0) + ".");
                    }
                }
                lines.add("  " + table.getKey() + ": " + (problems.isEmpty() ? "every column the console reads is there"
                        : String.join("; ", problems)) + ".");
            }
        }

        /** Per configuration table present, the fields the console will leave out because their columns are not there. */
        private void reportConfiguration(Set<String> present) throws SQLException {
            List<String> shortOf = new ArrayList<>();
            for (String table : SchemaMigrator.CONFIGURATION_TABLES) {
                List<String> shown = ConfigurationFields.SHOWN.get(table);
                if (!present.contains(table) || shown == null) {
                    continue;
                }
                Set<String> has = new java.util.HashSet<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select attname from pg_attribute where attrelid = ?::regclass and attnum > 0 and not attisdropped")) {
                    s.setString(1, "public." + table);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            has.add(rs.getString(1));
                        }
                    }
                }
                List<String> lacking = shown.stream().filter(col -> !has.contains(col)).toList();
                if (!lacking.isEmpty()) {
                    shortOf.add("  " + table + ": shown without " + String.join(", ", lacking) + ".");
                }
            }
            lines.add(shortOf.isEmpty() ? "Configuration tables: every field the console shows is there."
                    : "Configuration tables: the console reads the columns that exist and leaves out the rest:");
            lines.addAll(shortOf);
        }

        private void checkRowSecurity(Set<String> present) throws SQLException {
            for (String t : PlatformContract.TENANT_TABLES) {
                if (!present.contains(t)) {
                    continue;
                }
                try (ResultSet rs = query("select relrowsecurity from pg_class where oid = 'public." + t + "'::regclass")) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        blockers.add("public." + t + " has row-level security switched off; the console will not switch it on for you, "
                                + "since that would change what the web app sees.");
                    }
                }
            }
        }

        private void countViolations(Set<String> present) throws SQLException {
            lines.add("Rows that break the SSOT's data rules (reported only: the console checks its own writes, never the platform's):");
            int before = lines.size();
            for (DataRule rule : DataRule.ALL) {
                if (!present.contains(rule.table())) {
                    continue;
                }
                long count;
                List<String> examples = new ArrayList<>();
                try (ResultSet rs = query("with v as (" + rule.violations() + ") select (select count(*) from v), "
                        + "array(select id::text from v order by 1 limit 3)")) {
                    rs.next();
                    count = rs.getLong(1);
                    for (Object id : (Object[]) rs.getArray(2).getArray()) {
                        examples.add(id.toString());
                    }
                } catch (SQLException e) {
                    // A column of another type (reported above as a blocker) makes the rule unreadable; the rest go on.
                    c.rollback();
                    readOnly();
                    lines.add("  " + rule.table() + ": " + rule.rule() + ": cannot be checked (" + e.getMessage().split("\n")[0] + ")");
                    continue;
                }
                if (count > 0) {
                    violations.add(new Violations(rule, count, examples));
                    lines.add(String.format("  %s: %s: %,d row%s, e.g. %s", rule.table(), rule.rule(), count, count == 1 ? "" : "s",
                            String.join(", ", examples)));
                }
            }
            if (lines.size() == before) {
                lines.add("  none.");
            }
        }

        private void listAdditions(boolean adopted, Set<String> present) throws SQLException {
            try (ResultSet rs = query("select coalesce((" + SchemaMigrator.PGCRYPTO_SCHEMA + "), '')")) {
                rs.next();
                String crypto = rs.getString(1);
                if (crypto.isEmpty()) {
                    wouldAdd.add("the extension pgcrypto, in schema voxconsole (it is not installed)");
                } else {
                    lines.add("pgcrypto is installed in schema " + crypto + "; the console uses it there.");
                }
            }
            if (!adopted) {
                wouldAdd.add("schema voxconsole: the console's migration history, logins, audit trail, acknowledgements and functions");
            }
            try (ResultSet rs = query("select string_agg(r, ', ') from unnest(array['vox_console', 'vox_user', 'vox_manager', 'vox_admin']) r"
                    + " where not exists (select 1 from pg_roles where rolname = r)")) {
                rs.next();
                if (rs.getString(1) != null) {
                    wouldAdd.add("group roles " + rs.getString(1));
                }
            }
            for (String m : pending) {
                wouldAdd.add("migration " + m);
            }
            for (ConsoleIndexes.Definition d : ConsoleIndexes.definitions()) {
                if (!present.contains(d.table())) {
                    continue;
                }
                Boolean valid = ConsoleIndexes.validity(c, d.name());
                if (valid == null) {
                    ConsoleIndexes.Probe found = ConsoleIndexes.probe(probe, d);
                    if (found.same().isPresent()) {
                        lines.add("The platform's index " + found.same().get() + " on public." + d.table() + " serves as the console's "
                                + d.name() + ": it is not built twice.");
                    } else if (found.unbuildable().isPresent()) {
                        lines.add("Index " + d.name() + " is left out (" + found.unbuildable().get() + "): the console reads public."
                                + d.table() + " without it.");
                    } else {
                        wouldAdd.add("index " + d.name() + " on public." + d.table() + " (built concurrently)");
                    }
                } else if (!valid) {
                    wouldAdd.add("index " + d.name() + " on public." + d.table() + " (left invalid by an interrupted run: built again)");
                }
            }
        }

        private void readOnly() throws SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("set transaction read only");
            }
        }

        /** A query of fixed text; the statement closes with its result. */
        private ResultSet query(String sql) throws SQLException {
            Statement s = c.createStatement();
            s.closeOnCompletion();
            return s.executeQuery(sql);
        }
    }
}
