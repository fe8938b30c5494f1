package com.voxanne.ops.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The baseline for the signals: what a tool that answers them in the client must read before it
 * can decide anything, as the same login under row-level security: the period's calls with their
 * transcripts and summaries, the appointments made for their callers from the call to a day after,
 * the calls from and to the same numbers in the 48 hours after, and the alerts raised on them.
 * Only the reading is timed (no words are parsed), so it is a lower bound of that way.
 */
final class ClientSideSignals {

    private ClientSideSignals() {
    }

    /** @return how many rows were read */
    static long read(Jdbi db, UUID org, Instant from, Instant to) {
        return db.withHandle(h -> {
            var f = from.atOffset(ZoneOffset.UTC);
            var t = to.atOffset(ZoneOffset.UTC);
            long rows = h.createQuery("""
                            select c.id, c.created_at, c.status, c.duration_seconds, c.contact_id, c.call_direction, c.from_number,
                                   c.to_number, c.sentiment_label, c.sentiment_urgency, c.transcript, c.summary
                            from public.calls c where c.org_id = :o and c.created_at >= :f and c.created_at < :t""")
                    .bind("o", org).bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("""
                            select a.id, a.contact_id, a.created_at, a.scheduled_at, a.status from public.appointments a
                            where a.org_id = :o and a.created_at >= :f and a.created_at < :t + interval '1 day'""")
                    .bind("o", org).bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("""
                            select c.id, c.created_at, c.call_direction, c.from_number, c.to_number from public.calls c
                            where c.org_id = :o and c.created_at >= :f and c.created_at < :t + interval '2 days'""")
                    .bind("o", org).bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("""
                            select a.call_id, a.created_at, a.lead_score from public.hot_lead_alerts a
                            where a.org_id = :o and a.created_at >= :f and a.created_at < :t + interval '1 day'""")
                    .bind("o", org).bind("f", f).bind("t", t).mapToMap().list().size();
            return rows;
        });
    }
}
