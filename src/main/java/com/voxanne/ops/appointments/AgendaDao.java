package com.voxanne.ops.appointments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Appointments with their contact and no-show signals, for a calendar window. */
@RegisterConstructorMapper(AgendaEntry.class)
public interface AgendaDao {

    String SELECT = """
            select a.id, a.contact_id, a.title, a.description, a.scheduled_at, a.duration_minutes, a.status, a.location, a.notes,
                   a.reminder_sent_at, a.created_at, a.updated_at,
                   c.first_name || ' ' || c.last_name as contact_name, c.phone as contact_phone,
                   (select count(*) from public.appointments p
                     where p.contact_id = a.contact_id and p.status = 'no-show' and p.scheduled_at < a.scheduled_at) as earlier_no_shows,
                   exists (select 1 from public.calls k
                            where k.org_id = a.org_id and k.contact_id = a.contact_id and k.sentiment_label = 'negative'
                              and k.created_at >= a.scheduled_at - interval '30 days' and k.created_at < a.scheduled_at) as recent_negative_call
            from public.appointments a join public.contacts c on c.id = a.contact_id
            """;

    @SqlQuery(SELECT + " where a.org_id = :org and a.scheduled_at >= :from and a.scheduled_at < :to order by a.scheduled_at, a.id")
    List<AgendaEntry> between(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** A count of one status on one local day, for the month grid. */
    record DayStatusCount(java.time.LocalDate day, String status, int count) {
    }

    /**
     * The month grid's counts: an index-only scan of (org_id, scheduled_at) INCLUDE (status), a few
     * thousand index entries for the busiest month, instead of every appointment with its look-ups.
     */
    @SqlQuery("""
            select (a.scheduled_at at time zone :zone)::date as day, a.status, count(*)::int as count
            from public.appointments a
            where a.org_id = :org and a.scheduled_at >= :from and a.scheduled_at < :to
            group by 1, 2""")
    @RegisterConstructorMapper(DayStatusCount.class)
    List<DayStatusCount> dayCounts(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                                   @Bind("zone") String zone);

    @SqlQuery(SELECT + " where a.id = :id")
    Optional<AgendaEntry> find(@Bind("id") UUID id);

    /** @return 1 if saved, 0 if the row changed since {@code seen}, is not visible, or is not the caller's to change */
    @SqlUpdate("""
            update public.appointments set status = :status, scheduled_at = :at, notes = :notes
            where id = :id and updated_at = :seen""")
    int reschedule(@Bind("id") UUID id, @Bind("status") String status, @Bind("at") OffsetDateTime at, @Bind("notes") String notes,
                   @Bind("seen") OffsetDateTime seen);
}
