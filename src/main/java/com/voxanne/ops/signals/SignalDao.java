package com.voxanne.ops.signals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The signals, found by the database under the signed-in person's row-level security (the SQL is {@link SignalSql}'s). */
@RegisterConstructorMapper(SignalDao.Row.class)
@RegisterConstructorMapper(SignalDay.class)
@RegisterConstructorMapper(AfterTheCall.class)
public interface SignalDao {

    /** One signal of one call, as the query returns it. */
    record Row(UUID callId, Instant createdAt, String kind, String evidence, UUID relatedCallId) {
    }

    @SqlQuery(SignalSql.SIGNALS_OF_PERIOD)
    List<Row> ofPeriod(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                       @Bind("asOf") OffsetDateTime asOf, @Bind("kinds") String[] kinds);

    @SqlQuery(SignalSql.SIGNALS_OF_CALLS)
    List<Row> ofCalls(@Bind("org") UUID org, @Bind("ids") UUID[] ids, @Bind("asOf") OffsetDateTime asOf, @Bind("kinds") String[] kinds);

    @SqlQuery(SignalSql.COUNTS_PER_DAY)
    List<SignalDay> countsPerDay(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                                @Bind("asOf") OffsetDateTime asOf, @Bind("kinds") String[] kinds);

    @SqlQuery("""
            with period as materialized (""" + SignalSql.SOME_CALLS + """
            )
            select p.id as call_id,
                   b.status as appointment_status, b.scheduled_at as appointment_at,
                   n.id as called_again_id, n.created_at as called_again_at,
                   (exists (select 1 from public.calls o
                            where o.org_id = :org and o.call_direction = 'outbound' and o.to_number = p.number
                              and o.created_at > p.created_at and o.created_at <= p.ended_at + interval '24 hours' and o.created_at <= :asOf)
                    or exists (select 1 from public.appointments a
                               where a.org_id = :org and a.contact_id = p.contact_id and a.created_at > p.ended_at + interval '30 minutes'
                                 and a.created_at <= p.ended_at + interval '24 hours')) as followed_up,
                   ct.lead_status
            from period p
            left join lateral (
              select a.status, a.scheduled_at from public.appointments a
              where a.org_id = :org and a.contact_id = p.contact_id and p.status = 'completed'
                and a.created_at >= p.created_at and a.created_at <= p.ended_at + interval '30 minutes'
              order by a.created_at desc limit 1) b on true
            left join lateral (
              select c2.id, c2.created_at from public.calls c2
              where c2.org_id = :org and c2.call_direction = 'inbound' and c2.from_number = p.number
                and c2.created_at > p.created_at and c2.created_at <= p.ended_at + interval '48 hours' and c2.created_at <= :asOf
              order by c2.created_at limit 1) n on true
            left join public.contacts ct on ct.id = p.contact_id and ct.org_id = :org""")
    List<AfterTheCall> outcomes(@Bind("org") UUID org, @Bind("ids") UUID[] ids, @Bind("asOf") OffsetDateTime asOf);
}
