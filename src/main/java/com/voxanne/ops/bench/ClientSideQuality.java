package com.voxanne.ops.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;

/**
 * The baselines for the quality review, as the same login under row-level security.
 *
 * <p>Results: what a tool that scores in the client must read first: the period's evaluations,
 * every answer with its question (weights, critical marks, choices), and the signals of the
 * evaluated calls. Only the reading is timed, so it is a lower bound of that way.
 *
 * <p>The queue: what a sampler in the client must read before it can pick the day's calls: the
 * week's completed calls, and the calls already evaluated.
 */
final class ClientSideQuality {

    private ClientSideQuality() {
    }

    /** @return how many rows were read */
    static long readResults(Jdbi db, Instant from, Instant to) {
        return db.withHandle(h -> {
            var f = from.atOffset(ZoneOffset.UTC);
            var t = to.atOffset(ZoneOffset.UTC);
            long rows = h.createQuery("""
                            select e.id, e.call_id, e.version_id, e.reviewer_id, e.status, e.submitted_at from voxconsole.evaluations e
                            where e.submitted_at >= :f and e.submitted_at < :t and e.status in ('submitted', 'signed_off')""")
                    .bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("""
                            select a.evaluation_id, a.value, a.not_applicable, q.id, q.prompt, q.weight, q.critical, q.answer_type, q.choices
                            from voxconsole.evaluations e
                            join voxconsole.evaluation_answers a on a.evaluation_id = e.id
                            join voxconsole.scorecard_questions q on q.id = a.question_id
                            where e.submitted_at >= :f and e.submitted_at < :t and e.status in ('submitted', 'signed_off')""")
                    .bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("""
                            select k.call_id, k.kind from voxconsole.call_signals k
                            where k.call_id in (select e.call_id from voxconsole.evaluations e
                                                where e.submitted_at >= :f and e.submitted_at < :t)""")
                    .bind("f", f).bind("t", t).mapToMap().list().size();
            return rows;
        });
    }

    /** @return how many rows were read */
    static long readForSample(Jdbi db, Instant from, Instant to) {
        return db.withHandle(h -> {
            var f = from.atOffset(ZoneOffset.UTC);
            var t = to.atOffset(ZoneOffset.UTC);
            long rows = h.createQuery("select c.id, c.created_at from public.calls c where c.created_at >= :f and c.created_at < :t"
                            + " and c.status = 'completed'")
                    .bind("f", f).bind("t", t).mapToMap().list().size();
            rows += h.createQuery("select e.call_id from voxconsole.evaluations e where e.status <> 'draft'").mapToMap().list().size();
            return rows;
        });
    }
}
