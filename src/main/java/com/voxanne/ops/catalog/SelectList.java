package com.voxanne.ops.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a query over one platform table, written against what the table has: a column
 * that exists is read, one that does not becomes {@code null::type as column}, so the row type and
 * its mapper stay the same on every database and a missing field simply has no value.
 */
public final class SelectList {

    private final PlatformColumns columns;
    private final String table;
    private final String alias;
    private final List<String> items = new ArrayList<>();

    SelectList(PlatformColumns columns, String table, String alias) {
        this.columns = columns;
        this.table = table;
        this.alias = alias;
    }

    /** A text column (or one read as text). */
    public SelectList text(String column) {
        return typed(column, "text");
    }

    /** A jsonb or other column read as its text. */
    public SelectList asText(String column) {
        items.add(columns.has(table, column) ? alias + "." + column + "::text as " + column : "null::text as " + column);
        return this;
    }

    /** A column of {@code type} (uuid, boolean, integer, numeric, timestamptz, date). */
    public SelectList typed(String column, String type) {
        items.add(columns.has(table, column) ? alias + "." + column : "null::" + type + " as " + column);
        return this;
    }

    /** {@code column}, read under another name. */
    public SelectList renamed(String column, String type, String as) {
        items.add((columns.has(table, column) ? alias + "." + column : "null::" + type) + " as " + as);
        return this;
    }

    /** An expression of other tables' columns (or a constant) the caller has checked itself. */
    public SelectList raw(String expression) {
        items.add(expression);
        return this;
    }

    /** {@code column} when it exists, else {@code fallback} (an expression), for ordering. */
    public String orderable(String column, String fallback) {
        return columns.has(table, column) ? alias + "." + column : fallback;
    }

    public String sql() {
        return String.join(", ", items);
    }

    @Override
    public String toString() {
        return sql();
    }
}
