package com.voxanne.ops.tracking;

import com.voxanne.ops.db.OptimisticWrite;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
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

    private static final String GROUPED = """
            select coalesce(%s, '%s') as name, count(*) as visits, count(t.call_id) as calls,
                   count(*) filter (where c.sentiment_label = 'positive') as positive
            from public.call_tracking t left join public.calls c on c.id = t.call_id
            where t.org_id = :org and t.created_at >= :from and t.created_at < :to
            group by 1 order by calls desc, visits desc, name limit 15""";

    private final Jdbi jdbi;

    public TrackingService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Summary summary(UUID org, Instant from, Instant to) {
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            java.util.function.Function<String, List<Group>> by = sql -> h.createQuery(sql).bind("org", org)
                    .bind("from", OptimisticWrite.utc(from)).bind("to", OptimisticWrite.utc(to)).map(ConstructorMapper.of(Group.class)).list();
            return new Summary(by.apply(String.format(GROUPED, "t.utm_source", "direct")),
                    by.apply(String.format(GROUPED, "t.utm_campaign", "no campaign")),
                    by.apply(String.format(GROUPED, "t.device_type", "unknown")));
        });
    }
}
