package com.voxanne.ops.alerts;

import com.voxanne.ops.catalog.PlatformColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The SQL of alerts: calls whose urgency or sentiment call for attention, and hot lead alerts
 * through the columns the platform's table has. Both read with their acknowledgements (the
 * console's own rows). On one handle: the service chooses the transaction.
 */
final class AlertDao {

    // The organization is named so the planner walks (org_id, created_at); RLS filters all the same.
    private static final String CALLS = """
            with flagged as (
              select c.id, c.contact_id, c.caller_name, c.from_number, c.to_number, c.call_direction, c.sentiment_summary, c.summary,
                     c.sentiment_urgency, c.sentiment_score, c.sentiment_label, c.created_at
              from public.calls c
              where c.org_id = :org %s
                and (c.sentiment_urgency in ('high', 'critical') or (c.sentiment_label = 'negative' and c.sentiment_score < :below))
              order by c.created_at desc limit :limit),
            acks as (select * from voxconsole.acknowledgements_of('calls', array(select id from flagged)))
            select case when f.sentiment_urgency in ('high', 'critical') then 'URGENT_CALL' else 'UNHAPPY_CALL' end as kind,
                   f.id, f.id as call_id, f.contact_id,
                   coalesce(nullif(concat_ws(' ', ct.first_name, ct.last_name), ''), f.caller_name) as who,
                   case when f.call_direction = 'inbound' then f.from_number else f.to_number end as phone,
                   coalesce(f.sentiment_summary, f.summary, 'No summary yet.') as reason, coalesce(f.sentiment_urgency, 'medium') as urgency,
                   f.sentiment_score, null::integer as lead_score, f.created_at, k.acknowledged_at, k.acknowledged_by
            from flagged f
            left join public.contacts ct on ct.id = f.contact_id
            left join acks k on k.entity_id = f.id""";

    private static final RowMapper<Alert> ROWS = ConstructorMapper.of(Alert.class);

    private final Handle h;
    /** Hot lead alerts through the columns the platform's table has; null when it has no such table (only call alerts then). */
    private final String hotLeads;

    AlertDao(Handle h, String hotLeads) {
        this.h = h;
        this.hotLeads = hotLeads;
    }

    /**
     * hot_lead_alerts is one of the configuration tables: a platform's may lack the reason, the score
     * or the urgency. A missing reason reads as a plain sentence, a missing urgency as high (the table
     * holds alerts its platform raised as hot), a missing score as none.
     */
    static String hotLeadsQuery(PlatformColumns columns) {
        if (!columns.hasAll("hot_lead_alerts", List.of("id", "org_id", "created_at"))) {
            return null;
        }
        String reason = columns.has("hot_lead_alerts", "reason") ? "coalesce(a.reason, 'A hot lead.')" : "'A hot lead.'";
        String urgency = columns.has("hot_lead_alerts", "urgency") ? "coalesce(a.urgency, 'high')" : "'high'";
        String score = columns.has("hot_lead_alerts", "lead_score") ? "a.lead_score" : "null::integer";
        String call = columns.has("hot_lead_alerts", "call_id") ? "a.call_id" : "null::uuid";
        String contact = columns.has("hot_lead_alerts", "contact_id") ? "a.contact_id" : "null::uuid";
        return "select 'HOT_LEAD' as kind, a.id, " + call + " as call_id, " + contact + " as contact_id,"
                + " nullif(concat_ws(' ', c.first_name, c.last_name), '') as who, c.phone, " + reason + " as reason, " + urgency + " as urgency,"
                + " null::numeric as sentiment_score, " + score + " as lead_score, a.created_at, k.acknowledged_at, k.acknowledged_by"
                + " from public.hot_lead_alerts a"
                + " left join public.contacts c on c.id = " + contact
                + " left join lateral voxconsole.acknowledgements_of('hot_lead_alerts', array[a.id]) k on true"
                + " where a.org_id = :org";
    }

    boolean hasHotLeads() {
        return hotLeads != null;
    }

    List<Alert> hotLeadsSince(UUID org, Instant since, int limit) {
        return h.createQuery(hotLeads + " and a.created_at >= :since order by a.created_at desc limit :limit")
                .bind("org", org).bind("since", since.atOffset(ZoneOffset.UTC)).bind("limit", limit).map(ROWS).list();
    }

    List<Alert> hotLeads(UUID org, List<UUID> ids) {
        return h.createQuery(hotLeads + " and a.id = any(:ids)").bind("org", org).bindArray("ids", UUID.class, ids).map(ROWS).list();
    }

    Optional<Alert> hotLead(UUID org, UUID id) {
        return h.createQuery(hotLeads + " and a.id = :id").bind("org", org).bind("id", id).map(ROWS).findOne();
    }

    List<Alert> callsSince(UUID org, Instant since, BigDecimal negativeBelow, int limit) {
        return h.createQuery(String.format(CALLS, "and c.created_at >= :since"))
                .bind("org", org).bind("since", since.atOffset(ZoneOffset.UTC)).bind("below", negativeBelow).bind("limit", limit)
                .map(ROWS).list();
    }

    List<Alert> calls(UUID org, List<UUID> ids, BigDecimal negativeBelow) {
        return h.createQuery(String.format(CALLS, "and c.id = any(:ids)"))
                .bind("org", org).bindArray("ids", UUID.class, ids).bind("below", negativeBelow).bind("limit", ids.size())
                .map(ROWS).list();
    }

    Optional<Alert> call(UUID org, UUID id, BigDecimal negativeBelow) {
        return h.createQuery(String.format(CALLS, "and c.id = :id")).bind("org", org).bind("id", id)
                .bind("below", negativeBelow).bind("limit", 1).map(ROWS).findOne();
    }

    /** @return whether this acknowledged the call (false: someone did already, or the role may not) */
    boolean acknowledgeCall(UUID id) {
        return h.createQuery("select voxconsole.acknowledge('calls', :id)").bind("id", id).mapTo(Instant.class).findOne().isPresent();
    }
}
