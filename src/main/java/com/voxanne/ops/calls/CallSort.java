package com.voxanne.ops.calls;

/** The orders the call log offers, each backed by an index so every page is a keyset walk. */
public enum CallSort {
    NEWEST("c.created_at desc, c.id desc", "(c.created_at, c.id) < (:afterCreatedAt, :afterId)"),
    OLDEST("c.created_at, c.id", "(c.created_at, c.id) > (:afterCreatedAt, :afterId)"),
    LONGEST("coalesce(c.duration_seconds, -1) desc, c.created_at desc, c.id desc",
            "(coalesce(c.duration_seconds, -1), c.created_at, c.id) < (:afterDuration, :afterCreatedAt, :afterId)"),
    SHORTEST("coalesce(c.duration_seconds, -1), c.created_at, c.id",
            "(coalesce(c.duration_seconds, -1), c.created_at, c.id) > (:afterDuration, :afterCreatedAt, :afterId)");

    private final String orderBy;
    private final String after;

    CallSort(String orderBy, String after) {
        this.orderBy = orderBy;
        this.after = after;
    }

    String orderBy() {
        return orderBy;
    }

    String after() {
        return after;
    }

    /** The same order walked the other way: used to fetch the rows just above the window. */
    CallSort reversed() {
        return switch (this) {
            case NEWEST -> OLDEST;
            case OLDEST -> NEWEST;
            case LONGEST -> SHORTEST;
            case SHORTEST -> LONGEST;
        };
    }

    boolean byLength() {
        return this == LONGEST || this == SHORTEST;
    }
}
