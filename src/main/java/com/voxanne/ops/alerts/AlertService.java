package com.voxanne.ops.alerts;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SqlErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The alerts of the signed-in organization, read under the person's role: hot lead alerts, and
 * calls whose urgency or sentiment call for attention. Acknowledging records who and when in the
 * console's own table in the database, once. Blocking.
 */
public class AlertService {

    /** What acknowledging came to. */
    public sealed interface Acknowledged {
        record Done(Alert now) implements Acknowledged {
        }

        /** Someone acknowledged it first; {@code now} says who and when. */
        record AlreadyDone(Alert now) implements Acknowledged {
        }
    }

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

    private final Jdbi jdbi;
    /** Hot lead alerts through the columns the platform's table has; null when it has no such table (only call alerts then). */
    private final String hotLeads;

    public AlertService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.hotLeads = hotLeadsQuery(columns);
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

    /** Alerts raised since {@code since}, newest first, at most {@code limit} of each kind. */
    public List<Alert> since(UUID org, Instant since, BigDecimal negativeBelow, int limit) {
        return jdbi.withHandle(h -> {
            List<Alert> all = new java.util.ArrayList<>();
            if (hotLeads != null) {
                all.addAll(h.createQuery(hotLeads + " and a.created_at >= :since order by a.created_at desc limit :limit")
                        .bind("org", org).bind("since", OptimisticWrite.utc(since)).bind("limit", limit).map(mapper()).list());
            }
            all.addAll(h.createQuery(String.format(CALLS, "and c.created_at >= :since"))
                    .bind("org", org).bind("since", OptimisticWrite.utc(since)).bind("below", negativeBelow).bind("limit", limit)
                    .map(mapper()).list());
            all.sort(java.util.Comparator.comparing(Alert::createdAt).reversed());
            return all;
        });
    }

    /** Those of these calls that call for attention now, as alerts. */
    public List<Alert> forCalls(UUID org, List<UUID> callIds, BigDecimal negativeBelow) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(String.format(CALLS, "and c.id = any(:ids)"))
                .bind("org", org).bindArray("ids", UUID.class, callIds).bind("below", negativeBelow).bind("limit", callIds.size())
                .map(mapper()).list());
    }

    public List<Alert> hotLeads(UUID org, List<UUID> alertIds) {
        if (alertIds.isEmpty() || hotLeads == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(hotLeads + " and a.id = any(:ids)")
                .bind("org", org).bindArray("ids", UUID.class, alertIds).map(mapper()).list());
    }

    /** Records who acknowledged the alert and when, unless someone did already. Managers and admins only (the database decides). */
    public Acknowledged acknowledge(UUID org, Alert alert, BigDecimal negativeBelow) {
        try {
            return jdbi.inTransaction(h -> {
                boolean done;
                if (alert.kind() == Alert.Kind.HOT_LEAD) {
                    done = h.attach(HotLeadAlertDao.class).acknowledge(alert.id());
                } else {
                    done = h.createQuery("select voxconsole.acknowledge('calls', :id)").bind("id", alert.id()).mapTo(Instant.class).findOne().isPresent();
                }
                Alert now = reread(h, org, alert, negativeBelow).orElse(alert);
                if (!done && !now.acknowledged()) {
                    throw new UserFacingException("The database did not let you acknowledge this alert.");
                }
                return done ? new Acknowledged.Done(now) : new Acknowledged.AlreadyDone(now);
            });
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
        }
    }

    private Optional<Alert> reread(Handle h, UUID org, Alert alert, BigDecimal negativeBelow) {
        if (alert.kind() == Alert.Kind.HOT_LEAD) {
            return h.createQuery(hotLeads + " and a.id = :id").bind("org", org).bind("id", alert.id()).map(mapper()).findOne();
        }
        // The threshold may have moved meanwhile; the call is still the alert the person acknowledged.
        return h.createQuery(String.format(CALLS, "and c.id = :id")).bind("org", org).bind("id", alert.id())
                .bind("below", negativeBelow.max(new BigDecimal("1.01"))).bind("limit", 1).map(mapper()).findOne();
    }

    private static org.jdbi.v3.core.mapper.RowMapper<Alert> mapper() {
        return ConstructorMapper.of(Alert.class);
    }
}
