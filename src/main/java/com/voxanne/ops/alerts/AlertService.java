package com.voxanne.ops.alerts;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.db.SqlErrors;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

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

    private final Jdbi jdbi;
    /** Hot lead alerts through the columns the platform's table has; null when it has no such table (only call alerts then). */
    private final String hotLeads;

    public AlertService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.hotLeads = AlertDao.hotLeadsQuery(columns);
    }

    /** Alerts raised since {@code since}, newest first, at most {@code limit} of each kind. */
    public List<Alert> since(UUID org, Instant since, BigDecimal negativeBelow, int limit) {
        return jdbi.withHandle(h -> {
            AlertDao dao = dao(h);
            List<Alert> all = new java.util.ArrayList<>();
            if (dao.hasHotLeads()) {
                all.addAll(dao.hotLeadsSince(org, since, limit));
            }
            all.addAll(dao.callsSince(org, since, negativeBelow, limit));
            all.sort(java.util.Comparator.comparing(Alert::createdAt).reversed());
            return all;
        });
    }

    /** Those of these calls that call for attention now, as alerts. */
    public List<Alert> forCalls(UUID org, List<UUID> callIds, BigDecimal negativeBelow) {
        if (callIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> dao(h).calls(org, callIds, negativeBelow));
    }

    public List<Alert> hotLeads(UUID org, List<UUID> alertIds) {
        if (alertIds.isEmpty() || hotLeads == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> dao(h).hotLeads(org, alertIds));
    }

    /** Records who acknowledged the alert and when, unless someone did already. Managers and admins only (the database decides). */
    public Acknowledged acknowledge(UUID org, Alert alert, BigDecimal negativeBelow) {
        try {
            return jdbi.inTransaction(h -> {
                boolean done;
                if (alert.kind() == Alert.Kind.HOT_LEAD) {
                    done = h.attach(HotLeadAlertDao.class).acknowledge(alert.id());
                } else {
                    done = dao(h).acknowledgeCall(alert.id());
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
            return dao(h).hotLead(org, alert.id());
        }
        // The threshold may have moved meanwhile; the call is still the alert the person acknowledged.
        return dao(h).call(org, alert.id(), negativeBelow.max(new BigDecimal("1.01")));
    }

    private AlertDao dao(Handle h) {
        return new AlertDao(h, hotLeads);
    }
}
