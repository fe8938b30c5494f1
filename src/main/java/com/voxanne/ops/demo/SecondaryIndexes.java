package com.voxanne.ops.demo;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Bulk loading into an empty table is several times faster when its secondary indexes are built
 * once at the end rather than updated row by row. Indexes that back a constraint (primary and
 * unique keys, which foreign keys rely on) stay. Inside the generator's transaction, so a failure
 * leaves the indexes as they were.
 */
final class SecondaryIndexes {

    private final Handle handle;
    private final List<String> definitions;

    private SecondaryIndexes(Handle handle, List<String> definitions) {
        this.handle = handle;
        this.definitions = definitions;
    }

    /** {@code tables} schema-qualified ("public.calls", "voxconsole.call_documents"). */
    static SecondaryIndexes suspend(Handle h, List<String> tables) {
        List<String[]> indexes = h.createQuery("""
                        select quote_ident(i.schemaname) || '.' || quote_ident(i.indexname), i.indexdef from pg_indexes i
                        join pg_class c on c.relname = i.indexname and c.relnamespace = to_regnamespace(i.schemaname)
                        where i.schemaname || '.' || i.tablename = any(:tables)
                          and not exists (select 1 from pg_constraint k where k.conindid = c.oid)""")
                .bindArray("tables", String.class, tables)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        for (String[] index : indexes) {
            h.execute("drop index " + index[0]);
        }
        return new SecondaryIndexes(h, indexes.stream().map(i -> i[1]).toList());
    }

    void restore() {
        build(handle, definitions);
    }

    /**
     * The definitions in two shares to build at once in two transactions (CREATE INDEX on one table
     * from two sessions runs side by side), taken in turns so each share gets about half.
     */
    List<List<String>> shares() {
        List<String> first = new java.util.ArrayList<>();
        List<String> second = new java.util.ArrayList<>();
        for (int i = 0; i < definitions.size(); i++) {
            (i % 2 == 0 ? first : second).add(definitions.get(i));
        }
        return java.util.stream.Stream.of(first, second).filter(l -> !l.isEmpty()).toList();
    }

    static void build(Handle h, List<String> definitions) {
        h.execute("set local maintenance_work_mem = '512MB'");
        for (String definition : definitions) {
            h.execute(definition);
        }
    }
}
