package com.voxanne.ops.live;

import java.util.List;
import java.util.UUID;

/**
 * One change the database announced: which table, what happened, and to which rows. A statement
 * that touched too many rows to list arrives as {@link #bulk()}: whoever shows that table reloads.
 * Only ids travel; the rows themselves are read through the person's own role.
 *
 * @param op {@code 'I'}nsert, {@code 'U'}pdate, {@code 'D'}elete; rows found while catching up
 *     after a lost connection arrive as updates (inserted or updated, they are read again alike)
 */
public record Change(String table, char op, List<UUID> ids, boolean bulk) {

    public Change {
        ids = List.copyOf(ids);
    }

    public boolean deleted() {
        return op == 'D';
    }

    /** The ids of {@code table} in {@code changes} that were inserted or updated (not deleted). */
    public static List<UUID> upserted(List<Change> changes, String table) {
        return changes.stream().filter(c -> c.table().equals(table) && !c.deleted()).flatMap(c -> c.ids().stream()).distinct().toList();
    }

    public static List<UUID> deleted(List<Change> changes, String table) {
        return changes.stream().filter(c -> c.table().equals(table) && c.deleted()).flatMap(c -> c.ids().stream()).distinct().toList();
    }

    /** True when {@code table} changed too much to list: reload it. */
    public static boolean bulkIn(List<Change> changes, String table) {
        return changes.stream().anyMatch(c -> c.table().equals(table) && c.bulk());
    }

    public static boolean touches(List<Change> changes, String table) {
        return changes.stream().anyMatch(c -> c.table().equals(table));
    }
}
