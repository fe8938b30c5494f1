package com.voxanne.ops.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jdbi.v3.core.Handle;

/** A one-row INSERT for the small configuration tables, with casts where a text value feeds jsonb or an array. */
final class RowInsert {

    private final String table;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> casts = new LinkedHashMap<>();

    private RowInsert(String table) {
        this.table = table;
    }

    static RowInsert into(String table) {
        return new RowInsert(table);
    }

    RowInsert set(String column, Object value) {
        values.put(column, value);
        return this;
    }

    /** For jsonb, real[] and the like: the value is text the server casts. */
    RowInsert set(String column, Object value, String castTo) {
        values.put(column, value);
        casts.put(column, castTo);
        return this;
    }

    void execute(Handle h) {
        StringJoiner cols = new StringJoiner(", ");
        StringJoiner params = new StringJoiner(", ");
        for (String c : values.keySet()) {
            cols.add(c);
            params.add(casts.containsKey(c) ? "cast(:" + c + " as " + casts.get(c) + ")" : ":" + c);
        }
        var update = h.createUpdate("insert into public." + table + " (" + cols + ") values (" + params + ")");
        values.forEach(update::bind);
        update.execute();
    }
}
