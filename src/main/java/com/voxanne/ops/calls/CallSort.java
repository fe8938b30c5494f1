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

    /** The same order in memory, for placing a live row among those already shown. */
    java.util.Comparator<CallSummary> comparator() {
        // PostgreSQL orders uuids byte by byte (unsigned); UUID.compareTo compares signed longs.
        java.util.Comparator<java.util.UUID> uuidOrder = (a, b) -> {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        };
        java.util.Comparator<CallSummary> byTime = java.util.Comparator.comparing(CallSummary::createdAt).thenComparing(CallSummary::id, uuidOrder);
        java.util.Comparator<CallSummary> byLength = java.util.Comparator.<CallSummary>comparingInt(r -> r.cursor().durationKey()).thenComparing(byTime);
        return switch (this) {
            case NEWEST -> byTime.reversed();
            case OLDEST -> byTime;
            case LONGEST -> byLength.reversed();
            case SHORTEST -> byLength;
        };
    }

    boolean byLength() {
        return this == LONGEST || this == SHORTEST;
    }
}
