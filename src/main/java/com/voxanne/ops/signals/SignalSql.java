package com.voxanne.ops.signals;

/**
 * The signals' one query, in pieces that {@link SignalDao} puts together for a period or for some
 * calls. The rules are docs/SIGNALS.md's; every piece names the organization as a constant for the
 * planner, and row-level security still decides every row read, so the console and the command
 * line give each person the same answer, from their own organization only.
 *
 * <p>Parameters: {@code :org}, {@code :asOf} (the moment the rules are applied at: a follow-up
 * is late only once its 24 hours have passed), {@code :kinds} (the keys asked for), and either
 * {@code :from}/{@code :to} or {@code :ids}.
 */
final class SignalSql {

    private SignalSql() {
    }

    /** The calls looked at, with their caller's number (the other end of the line) and their end. */
    private static final String CALL_COLUMNS = """
            select c.id, c.created_at, c.status, c.duration_seconds, c.contact_id, c.sentiment_label, c.sentiment_urgency,
                   case when c.call_direction = 'outbound' then c.to_number else c.from_number end as number,
                   c.created_at + make_interval(secs => coalesce(c.duration_seconds, 0)) as ended_at
            from public.calls c
            """;

    static final String PERIOD = CALL_COLUMNS + """
            where c.org_id = :org and c.created_at >= :from and c.created_at < :to and c.created_at <= :asOf
            """;

    static final String SOME_CALLS = CALL_COLUMNS + """
            where c.org_id = :org and c.id = any(:ids) and c.created_at <= :asOf
            """;

    /**
     * The pieces after the calls: the zone (times in evidence are the organization's), the
     * appointments made for the caller between the call's start and 30 minutes after its end (the
     * booking window), the alerts raised on the calls, and the contacts made hot by them.
     */
    private static final String WITH = """
            , zone as materialized (
              select voxconsole.time_zone_of(o.settings) as tz from public.organizations o where o.id = :org)
            , booked as materialized (
              select p.id as call_id, a.scheduled_at, a.status
              from period p
              join public.appointments a on a.contact_id = p.contact_id and a.org_id = :org
               and a.created_at >= p.created_at and a.created_at <= p.ended_at + interval '30 minutes'
              where p.status = 'completed')
            , readings as materialized (
              select r.call_id, r.claim_words, r.claim_source, r.claimed_for, r.call_back_arranged,
                     case r.claim_source when 'agent' then 'The agent said' else 'The summary says' end as said
              from period p join voxconsole.call_readings r on r.call_id = p.id and r.org_id = :org)
            , hot as materialized (
              select p.id as call_id, min(a.created_at) as raised, max(a.lead_score) as lead_score
              from period p join public.hot_lead_alerts a on a.call_id = p.id and a.org_id = :org
              group by p.id
              union all
              select p.id, null, null
              from period p join public.contacts ct on ct.id = p.contact_id and ct.org_id = :org
              where ct.lead_status = 'hot' and ct.updated_at >= p.created_at and ct.updated_at <= p.ended_at + interval '30 minutes'
                and not exists (select 1 from public.hot_lead_alerts a where a.call_id = p.id and a.org_id = :org))
            """;

    /** Someone followed the call up within 24 hours: an outbound call to the number, or an appointment for the caller. */
    private static final String FOLLOWED_UP = """
            (exists (select 1 from public.calls o
                     where o.org_id = :org and o.call_direction = 'outbound' and o.to_number = p.number
                       and o.created_at > p.created_at and o.created_at <= p.ended_at + interval '24 hours' and o.created_at <= :asOf)
             or exists (select 1 from public.appointments a
                        where a.org_id = :org and a.contact_id = p.contact_id
                          and a.created_at >= p.created_at and a.created_at <= p.ended_at + interval '24 hours'))
            """;

    private static final String WHEN = "'Dy FMDD Mon HH24:MI'";

    private static final String KINDS = """
            select p.id as call_id, p.created_at, 'booking_not_found' as kind,
                   case when p.contact_id is null
                        then format('%s "%s", but no contact is linked to the call, so no appointment can be for it.', r.said, r.claim_words)
                        else format('%s "%s", but no appointment for the caller was made from the call''s start to 30 minutes after its end.',
                                    r.said, r.claim_words) end as evidence,
                   null::uuid as related_call_id
            from period p join readings r on r.call_id = p.id
            where 'booking_not_found' = any(:kinds) and r.claim_words is not null and p.status = 'completed'
              and p.ended_at + interval '30 minutes' <= :asOf
              and not exists (select 1 from booked b where b.call_id = p.id)
            union all
            select p.id, p.created_at, 'booking_mismatch',
                   format('%s %s ("%s"), but the appointment made is for %s.', r.said, to_char(r.claimed_for, """ + WHEN + """
            ), r.claim_words,
                          (select string_agg(to_char(b.scheduled_at at time zone z.tz, """ + WHEN + """
            ), ' and ' order by b.scheduled_at)
                           from booked b where b.call_id = p.id)),
                   null
            from period p join readings r on r.call_id = p.id cross join zone z
            where 'booking_mismatch' = any(:kinds) and r.claimed_for is not null and p.ended_at + interval '30 minutes' <= :asOf
              and exists (select 1 from booked b where b.call_id = p.id)
              and not exists (select 1 from booked b
                              where b.call_id = p.id and date_trunc('minute', b.scheduled_at at time zone z.tz) = r.claimed_for)
            union all
            select p.id, p.created_at, 'no_show_after_booking',
                   format('The appointment booked on this call, %s, was a no-show.', to_char(min(b.scheduled_at) at time zone z.tz, """ + WHEN + """
            )),
                   null
            from period p join booked b on b.call_id = p.id cross join zone z
            where 'no_show_after_booking' = any(:kinds) and b.status = 'no-show'
            group by p.id, p.created_at, z.tz
            union all
            select p.id, p.created_at, 'repeat_call',
                   format('The same number called again %s, %s after this call began.', to_char(n.created_at at time zone z.tz, """ + WHEN + """
            ),
                          case when n.created_at - p.created_at < interval '90 minutes'
                               then round(extract(epoch from n.created_at - p.created_at) / 60) || ' minutes'
                               else round(extract(epoch from n.created_at - p.created_at) / 3600) || ' hours' end),
                   n.id
            from period p cross join zone z
            cross join lateral (
              select c2.id, c2.created_at from public.calls c2
              where c2.org_id = :org and c2.call_direction = 'inbound' and c2.from_number = p.number
                and c2.created_at > p.created_at and c2.created_at <= p.ended_at + interval '48 hours' and c2.created_at <= :asOf
              order by c2.created_at limit 1) n
            where 'repeat_call' = any(:kinds) and p.status = 'completed'
              and not exists (select 1 from readings r where r.call_id = p.id and r.call_back_arranged)
            union all
            select p.id, p.created_at, 'hot_lead_no_follow_up',
                   format('%s, but no outbound call to %s and no appointment followed within 24 hours.',
                          case when h.raised is null then 'The caller was made a hot lead on this call'
                               else format('A hot lead alert was raised at %s%s', to_char(h.raised at time zone z.tz, 'HH24:MI'),
                                           coalesce(' (lead score ' || h.lead_score || ')', '')) end, p.number),
                   null
            from period p join hot h on h.call_id = p.id cross join zone z
            where 'hot_lead_no_follow_up' = any(:kinds) and p.ended_at + interval '24 hours' <= :asOf
              and not """ + FOLLOWED_UP + """
            union all
            select p.id, p.created_at, 'unresolved_negative',
                   format('A negative call of %s urgency, and no outbound call to %s and no appointment followed within 24 hours.',
                          p.sentiment_urgency, p.number),
                   null
            from period p
            where 'unresolved_negative' = any(:kinds) and p.sentiment_label = 'negative' and p.sentiment_urgency in ('high', 'critical')
              and p.ended_at + interval '24 hours' <= :asOf
              and not """ + FOLLOWED_UP + """
            union all
            select p.id, p.created_at, 'dropped',
                   case when p.status = 'failed' then format('The call failed after %s s.', coalesce(p.duration_seconds, 0))
                        when p.status = 'completed' then format('The call was over after only %s s.', p.duration_seconds)
                        else format('The call was still in progress %s hours after it began.',
                                    floor(extract(epoch from cast(:asOf as timestamptz) - p.created_at) / 3600)) end,
                   null
            from period p
            where 'dropped' = any(:kinds)
              and (p.status = 'failed' or (p.status = 'completed' and p.duration_seconds < 20)
                   or (p.status = 'in_progress' and p.created_at <= cast(:asOf as timestamptz) - interval '2 hours'))
            """;

    /** Every signal of the period's calls, newest call first. */
    static final String SIGNALS_OF_PERIOD = "with period as materialized (" + PERIOD + ")" + WITH
            + "select s.call_id, s.created_at, s.kind, s.evidence, s.related_call_id from (" + KINDS + ") s"
            + " order by s.created_at desc, s.call_id";

    /** Every signal of some calls (a page of the call log, one call's detail). */
    static final String SIGNALS_OF_CALLS = "with period as materialized (" + SOME_CALLS + ")" + WITH
            + "select s.call_id, s.created_at, s.kind, s.evidence, s.related_call_id from (" + KINDS + ") s"
            + " order by s.created_at desc, s.call_id";

    /** How many calls had each kind, per day in the organization's time zone. */
    static final String COUNTS_PER_DAY = "with period as materialized (" + PERIOD + ")" + WITH
            + "select (s.created_at at time zone (select tz from zone))::date as day, s.kind, count(distinct s.call_id) as calls"
            + " from (" + KINDS + ") s group by 1, 2 order by 1, 2";
}
