package com.voxanne.ops.tracking;

import com.voxanne.ops.tracking.TrackingService.Group;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** Tracked visits of one organization and period, grouped three ways and counted in the database. On one handle. */
final class TrackingDao {

    private static final String GROUPED = """
            select coalesce(%s, '%s') as name, count(*) as visits, count(t.call_id) as calls,
                   count(*) filter (where c.sentiment_label = 'positive') as positive
            from public.call_tracking t left join public.calls c on c.id = t.call_id
            where t.org_id = :org and t.created_at >= :from and t.created_at < :to
            group by 1 order by calls desc, visits desc, name limit 15""";

    private final Handle h;
    private final UUID org;
    private final Instant from;
    private final Instant to;

    TrackingDao(Handle h, UUID org, Instant from, Instant to) {
        this.h = h;
        this.org = org;
        this.from = from;
        this.to = to;
    }

    List<Group> bySource() {
        return grouped("t.utm_source", "direct");
    }

    List<Group> byCampaign() {
        return grouped("t.utm_campaign", "no campaign");
    }

    List<Group> byDevice() {
        return grouped("t.device_type", "unknown");
    }

    /** {@code column} and {@code none} are this class's own constants, never input. */
    private List<Group> grouped(String column, String none) {
        return h.createQuery(String.format(GROUPED, column, none)).bind("org", org)
                .bind("from", from.atOffset(ZoneOffset.UTC)).bind("to", to.atOffset(ZoneOffset.UTC))
                .map(ConstructorMapper.of(Group.class)).list();
    }
}
