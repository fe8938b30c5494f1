package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's indexes on the platform's tables (resources/db/console-indexes.sql), built
 * CONCURRENTLY one at a time so the web app keeps writing. An index an interrupted build left
 * invalid is dropped and built again, so running this again finishes the job.
 */
public final class ConsoleIndexes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleIndexes.class);
    private static final Pattern NAME = Pattern.compile("if not exists (\\w+) on public\\.(\\w+)");

    /** What one run found and did; {@code skipped}: indexes a configuration table lacks the columns for. */
    public record Built(int built, int rebuilt, int present, int skipped) {
    }

    /** One index of the file: its name, its table and the statement that builds it. */
    public record Definition(String name, String table, String sql) {
    }

    private ConsoleIndexes() {
    }

    public static List<Definition> definitions() {
        List<Definition> all = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        for (String line : Resources.text("db/console-indexes.sql").split("\n")) {
            if (line.startsWith("--") || line.isBlank()) {
                continue;
            }
            statement.append(line.strip()).append(' ');
            if (line.strip().endsWith(";")) {
                String sql = statement.toString().strip();
                sql = sql.substring(0, sql.length() - 1);
                Matcher m = NAME.matcher(sql);
                if (!m.find()) {
                    throw new IllegalStateException("console-indexes.sql: no name in " + sql);
                }
                all.add(new Definition(m.group(1), m.group(2), sql));
                statement.setLength(0);
            }
        }
        return all;
    }

    /** Builds the missing indexes and rebuilds invalid ones; indexes of tables the platform lacks are skipped. */
    public static Built ensure(DataSource owner, Consumer<String> beforeIndex) {
        int built = 0;
        int rebuilt = 0;
        int present = 0;
        int skipped = 0;
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(true);
            for (Definition d : definitions()) {
                Boolean valid = validity(c, d.name());
                if (Boolean.TRUE.equals(valid)) {
                    present++;
                    continue;
                }
                if (!tableExists(c, d.table())) {
                    continue;
                }
                if (valid == null) {
                    Probe probe = probe(c, d);
                    if (probe.same().isPresent()) {
                        // A second identical index would only slow the web app's writes (and Supabase's
                        // advisor lists it as a duplicate): the platform's serves the console as well.
                        LOG.info("Index {} is not built: the platform's {} is the same index", d.name(), probe.same().get());
                        present++;
                        continue;
                    }
                    if (probe.unbuildable().isPresent()) {
                        // Only a configuration table gets this far without a column (the contract checks the
                        // production tables first); the console reads it unindexed, as the platform does.
                        LOG.info("Index {} is not built: {}", d.name(), probe.unbuildable().get());
                        skipped++;
                        continue;
                    }
                }
                beforeIndex.accept(d.name());
                try (Statement s = c.createStatement()) {
                    if (valid != null) {
                        LOG.info("Index {} was left invalid by an interrupted build; building it again", d.name());
                        s.execute("drop index concurrently if exists public." + d.name());
                        rebuilt++;
                    } else {
                        built++;
                    }
                    long started = System.nanoTime();
                    s.execute(d.sql());
                    LOG.info("Built index {} in {} ms", d.name(), (System.nanoTime() - started) / 1_000_000);
                }
            }
        } catch (SQLException e) {
            throw new UserFacingException("The console's indexes could not all be built (" + SqlErrors.describe(e, "the server")
                    + "); the console's schema is in place, and running the same command again finishes them.", e);
        }
        return new Built(built, rebuilt, present, skipped);
    }

    /**
     * What building {@code d} would meet: {@code same} names the platform's valid index on the same
     * table that is the same index (same method, keys, expressions, INCLUDE and predicate), if any;
     * {@code unbuildable} says why it cannot be made at all (a column it needs is missing or of
     * another type: a configuration table's columns are the platform's choice). {@code d} is built
     * on an empty temporary copy of the table, in a transaction that is rolled back, so the server
     * itself writes out both definitions the same way.
     */
    public record Probe(Optional<String> same, Optional<String> unbuildable) {
    }

    public static Probe probe(Connection c, Definition d) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table voxconsole_index_probe (like public." + d.table() + ") on commit drop");
            try {
                s.execute(d.sql().replaceFirst("(?i)concurrently if not exists \\w+ on public\\.\\w+",
                        "voxconsole_index_probe_idx on pg_temp.voxconsole_index_probe"));
            } catch (SQLException e) {
                String reason = e.getMessage() == null ? e.getSQLState() : e.getMessage().lines().findFirst().orElse("").replaceFirst("^ERROR: ", "");
                return new Probe(Optional.empty(), Optional.of(reason.replace("voxconsole_index_probe", d.table())));
            }
            try (PreparedStatement q = c.prepareStatement("""
                    with ours as (select regexp_replace(pg_get_indexdef('pg_temp.voxconsole_index_probe_idx'::regclass),
                                                        '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '') as def)
                    select x.relname from pg_index i join pg_class x on x.oid = i.indexrelid, ours
                    where i.indrelid = ?::regclass and i.indisvalid and x.relname not like 'voxconsole\\_%'
                      and regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \\S+ ON \\S+ ', '') = ours.def
                    order by 1 limit 1""")) {
                q.setString(1, "public." + d.table());
                try (ResultSet rs = q.executeQuery()) {
                    return new Probe(rs.next() ? Optional.of(rs.getString(1)) : Optional.empty(), Optional.empty());
                }
            }
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    /** True valid, false invalid (a build was interrupted), null absent. */
    public static Boolean validity(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select i.indisvalid from pg_index i join pg_class x on x.oid = i.indexrelid"
                + " where x.relname = ? and x.relnamespace = 'public'::regnamespace")) {
            s.setString(1, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select to_regclass(?) is not null")) {
            s.setString(1, "public." + table);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
