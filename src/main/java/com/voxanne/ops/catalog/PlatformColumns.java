package com.voxanne.ops.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The platform's tables as this login finds them: for each table in {@code public}, the columns it
 * has and may read. The SSOT gives the configuration tables only a purpose and a column count, so a
 * production database has its own columns there; the console asks the catalog (once, at sign-in),
 * reads what exists, leaves out a field whose column is missing, and offers a write only where its
 * columns exist. information_schema lists only columns the login holds a privilege on, so a column
 * withheld from the console reads as missing too, rather than as a refusal later.
 *
 * <p>Kept with the reference cache, so an offline start shows the same fields.
 */
public record PlatformColumns(Map<String, List<String>> tables) {

    public PlatformColumns {
        Map<String, List<String>> copy = new TreeMap<>();
        tables.forEach((table, columns) -> copy.put(table, List.copyOf(new TreeSet<>(columns))));
        tables = java.util.Collections.unmodifiableMap(copy);
    }

    public static PlatformColumns read(Handle h) {
        Map<String, List<String>> tables = new TreeMap<>();
        h.createQuery("""
                        select table_name::text, column_name::text from information_schema.columns
                        where table_schema = 'public' order by table_name, ordinal_position""")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> tables.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return new PlatformColumns(tables);
    }

    public static PlatformColumns read(Jdbi jdbi) {
        return jdbi.withHandle(PlatformColumns::read);
    }

    public boolean hasTable(String table) {
        return tables.containsKey(table);
    }

    public boolean has(String table, String column) {
        List<String> columns = tables.get(table);
        return columns != null && java.util.Collections.binarySearch(columns, column) >= 0;
    }

    /** The columns of {@code wanted} that {@code table} lacks (all of them when the table is not there), in the order given. */
    public List<String> missing(String table, List<String> wanted) {
        return wanted.stream().filter(c -> !has(table, c)).toList();
    }

    public boolean hasAll(String table, List<String> wanted) {
        return missing(table, wanted).isEmpty();
    }

    /** A select list over {@code table} (as {@code alias}) that reads each column that exists and a typed null for each that does not. */
    public SelectList select(String table, String alias) {
        return new SelectList(this, table, alias);
    }

    /**
     * One sentence for a part of the window that cannot work on this database, or empty when it can:
     * "Alert rules cannot be changed here: this database's escalation_rules table has no target column."
     */
    public java.util.Optional<String> whyNot(String what, String table, List<String> needed) {
        if (!hasTable(table)) {
            return java.util.Optional.of(what + ": this database has no " + table + " table the console may read.");
        }
        List<String> lacking = missing(table, needed);
        if (lacking.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(what + ": this database's " + table + " table has no " + String.join(", ", lacking)
                + (lacking.size() == 1 ? " column." : " columns."));
    }
}
