package com.voxanne.ops.tracking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Where callers came from: tracked visits grouped by source, campaign and device over a period,
 * with how many became calls and how many of those calls went well. Counted in the database, in
 * one read-only snapshot so the three groupings agree. Blocking.
 */
public class TrackingService {

    /** One group: visits tracked, calls they led to, and calls with positive sentiment. */
    public record Group(String name, long visits, long calls, long positive) {
    }

    public record Summary(List<Group> sources, List<Group> campaigns, List<Group> devices) {
    }

    private final Jdbi jdbi;

    public TrackingService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Summary summary(UUID org, Instant from, Instant to) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            TrackingDao dao = new TrackingDao(h, org, from, to);
            return new Summary(dao.bySource(), dao.byCampaign(), dao.byDevice());
        });
    }
}
