package com.voxanne.ops.demo;

import com.voxanne.ops.demo.DemoDataGenerator.DemoOrg;
import com.voxanne.ops.demo.DemoDataGenerator.DemoProfile;
import com.voxanne.ops.quality.StarterForms;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The demo's quality review: each organization's starter form, its sampling settings, five weeks of
 * evaluations by its managers, and the queue of the last week still waiting. The answers follow
 * what happened in each call (a booking the calendar does not have fails the read-back and often
 * the critical "no made-up information"; an unresolved negative call is not resolved; a negative
 * caller gets a lower tone score), so the Quality workspace has something true to show.
 * Deterministic: the same seed gives the same evaluations.
 */
final class DemoQuality {

    static final double SAMPLE_PERCENT = 4;
    static final List<String> ALWAYS_REVIEWED = List.of("booking_mismatch");
    /** Calls of the last three days before the window's end are not reviewed yet: they wait in the queue. */
    private static final Duration NOT_YET = Duration.ofDays(3);
    /** How many of each organization's latest unhappy calls a supervisor has sent to review. */
    private static final int SENT = 3;
    private static final Duration HISTORY = Duration.ofDays(35);
    private static final Duration QUEUE = Duration.ofDays(7);
    private static final List<String> QUALITY_TABLES = List.of("scorecard_forms", "scorecard_versions", "scorecard_questions",
            "review_settings", "evaluations", "evaluation_answers", "evaluation_comments", "review_queue");

    private record FormOfOrg(UUID versionId, List<UUID> questionIds, List<StarterForms.Question> questions) {
    }

    private record Candidate(UUID callId, UUID orgId, Instant createdAt, String sentiment, List<String> kinds) {
    }

    private DemoQuality() {
    }

    /** Writes it all for {@code orgs}; returns the number of evaluations. */
    static long write(Handle h, List<DemoOrg> orgs, Instant windowEnd, long seed) {
        // History is nobody's write: no audit rows, no live notices, and the steps' rules (a draft
        // first, submitted now) would not let the past be written as it was.
        QUALITY_TABLES.forEach(t -> h.execute("alter table voxconsole." + t + " disable trigger user"));
        Map<UUID, FormOfOrg> forms = new HashMap<>();
        Map<UUID, DemoOrg> byId = new HashMap<>();
        for (DemoOrg org : orgs) {
            byId.put(org.id(), org);
            StarterForms.Form form = StarterForms.forKind(StarterForms.kindOf(org.template().industry())).orElseThrow();
            UUID version = StarterForms.write(h, form, org.id());
            List<UUID> questionIds = h.createQuery("select id from voxconsole.scorecard_questions where version_id = :v order by position")
                    .bind("v", version).mapTo(UUID.class).list();
            forms.put(org.id(), new FormOfOrg(version, questionIds, form.questions()));
            h.createUpdate("insert into voxconsole.review_settings (org_id, sample_percent, always_review) values (:org, :pct, :always)")
                    .bind("org", org.id()).bind("pct", SAMPLE_PERCENT).bind("always", ALWAYS_REVIEWED.toArray(String[]::new)).execute();
        }
        List<Candidate> candidates = h.createQuery("""
                        select c.id, c.org_id, c.created_at, c.sentiment_label,
                               coalesce(array_agg(s.kind order by s.kind) filter (where s.kind is not null), '{}') as kinds
                        from public.calls c
                        left join voxconsole.call_signals s on s.call_id = c.id
                        where c.status = 'completed' and c.created_at >= :from and c.created_at < :to
                          and (voxconsole.in_sample(c.id, cast(:pct as numeric))
                               or exists (select 1 from voxconsole.call_signals m where m.call_id = c.id and m.kind = any(:always)))
                        group by c.id
                        order by c.created_at, c.id""")
                .bind("from", Timestamp.from(windowEnd.minus(HISTORY))).bind("to", Timestamp.from(windowEnd.minus(NOT_YET)))
                .bind("pct", SAMPLE_PERCENT).bind("always", ALWAYS_REVIEWED.toArray(String[]::new))
                .map((rs, ctx) -> new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), List.of((String[]) rs.getArray(5).getArray())))
                .list();
        PreparedBatch evaluations = h.prepareBatch("""
                insert into voxconsole.evaluations (id, org_id, call_id, version_id, reviewer_id, status, reopen_reason, submitted_at,
                                                    signed_off_at, signed_off_by, created_at, updated_at)
                values (:id, :org, :call, :version, :reviewer, :status, cast(:reason as text), :submitted, cast(:signedOff as timestamptz),
                        cast(:signedOffBy as uuid), :created, :updated)""");
        PreparedBatch answers = h.prepareBatch("""
                insert into voxconsole.evaluation_answers (evaluation_id, org_id, version_id, question_id, value, not_applicable, updated_at)
                values (:evaluation, :org, :version, :question, cast(:value as smallint), :na, :updated)""");
        PreparedBatch comments = h.prepareBatch("""
                insert into voxconsole.evaluation_comments (org_id, evaluation_id, turn_index, body, author_id, created_at, updated_at)
                values (:org, :evaluation, cast(:turn as integer), :body, :author, :at, :at)""");
        PreparedBatch done = h.prepareBatch("""
                insert into voxconsole.review_queue (org_id, call_id, call_created_at, reasons, queued_at, taken_by, taken_at, done_at,
                                                     evaluation_id, updated_at)
                values (:org, :call, :created, :reasons, :queued, :reviewer, :queued, :submitted, :evaluation, :submitted)""");
        long written = 0;
        for (Candidate c : candidates) {
            DemoOrg org = byId.get(c.orgId());
            FormOfOrg form = forms.get(c.orgId());
            if (org == null || form == null) {
                continue;
            }
            SplittableRandom r = new SplittableRandom(seed ^ c.callId().getMostSignificantBits() ^ c.callId().getLeastSignificantBits());
            List<DemoProfile> reviewers = org.profiles().stream().filter(p -> !"user".equals(p.role())).toList();
            DemoProfile reviewer = reviewers.get(r.nextInt(reviewers.size()));
            DemoProfile second = reviewers.get((reviewers.indexOf(reviewer) + 1 + r.nextInt(reviewers.size() - 1)) % reviewers.size());
            UUID id = new UUID(r.nextLong(), r.nextLong());
            Instant queued = c.createdAt().plus(Duration.ofMinutes(30 + r.nextInt(600)));
            Instant submitted = queued.plus(Duration.ofMinutes(5 + r.nextInt(24 * 60)));
            double step = r.nextDouble();
            String status = step < 0.55 ? "signed_off" : step < 0.95 ? "submitted" : "reopened";
            Instant signedOff = "signed_off".equals(status) ? submitted.plus(Duration.ofMinutes(20 + r.nextInt(2 * 24 * 60))) : null;
            Instant updated = signedOff != null ? signedOff : "reopened".equals(status) ? submitted.plus(Duration.ofHours(4)) : submitted;
            evaluations.bind("id", id).bind("org", c.orgId()).bind("call", c.callId()).bind("version", form.versionId())
                    .bind("reviewer", reviewer.id()).bind("status", status)
                    .bind("reason", "reopened".equals(status) ? "Please listen again: the caller asked for a person before the booking." : null)
                    .bind("submitted", Timestamp.from(submitted)).bind("signedOff", signedOff == null ? null : Timestamp.from(signedOff))
                    .bind("signedOffBy", signedOff == null ? null : second.id())
                    .bind("created", Timestamp.from(queued)).bind("updated", Timestamp.from(updated)).add();
            for (int q = 0; q < form.questions().size(); q++) {
                StarterForms.Question question = form.questions().get(q);
                Integer value = answer(question, c, r);
                answers.bind("evaluation", id).bind("org", c.orgId()).bind("version", form.versionId()).bind("question", form.questionIds().get(q))
                        .bind("value", value).bind("na", value == null).bind("updated", Timestamp.from(submitted)).add();
                String remark = remark(question, value);
                if (remark != null) {
                    comments.bind("org", c.orgId()).bind("evaluation", id).bind("turn", "greeting".equals(question.key()) ? 0 : null)
                            .bind("body", remark).bind("author", reviewer.id()).bind("at", Timestamp.from(submitted)).add();
                }
            }
            String[] reasons = c.kinds().stream().filter(ALWAYS_REVIEWED::contains).map(k -> "signal:" + k).toArray(String[]::new);
            done.bind("org", c.orgId()).bind("call", c.callId()).bind("created", Timestamp.from(c.createdAt()))
                    .bind("reasons", reasons.length == 0 ? new String[] {"sample"} : reasons).bind("queued", Timestamp.from(queued))
                    .bind("reviewer", reviewer.id()).bind("submitted", Timestamp.from(submitted)).bind("evaluation", id).add();
            written++;
        }
        execute(evaluations);
        execute(answers);
        execute(comments);
        execute(done);
        // The last week's sample and always-reviewed calls not reviewed yet: what the console's own
        // top-up (voxconsole.top_up_review_queue) would have queued.
        h.createUpdate("""
                        insert into voxconsole.review_queue (org_id, call_id, call_created_at, reasons, queued_at, updated_at)
                        select c.org_id, c.id, c.created_at,
                               array_remove(array[case when voxconsole.in_sample(c.id, s.sample_percent) then 'sample' end]
                                            || array(select 'signal:' || k.kind from voxconsole.call_signals k
                                                     where k.call_id = c.id and k.kind = any(s.always_review) order by k.kind), null),
                               c.created_at + interval '30 minutes', c.created_at + interval '30 minutes'
                        from public.calls c
                        join voxconsole.review_settings s on s.org_id = c.org_id
                        where c.status = 'completed' and c.created_at >= :from and c.created_at < :to
                          and (voxconsole.in_sample(c.id, s.sample_percent)
                               or exists (select 1 from voxconsole.call_signals k where k.call_id = c.id and k.kind = any(s.always_review)))
                        on conflict (call_id) do nothing""")
                .bind("from", Timestamp.from(windowEnd.minus(QUEUE))).bind("to", Timestamp.from(windowEnd)).execute();
        // And a supervisor's own picks: each organization's latest negative calls, sent to review by its admin.
        for (DemoOrg org : orgs) {
            h.createUpdate("""
                            insert into voxconsole.review_queue (org_id, call_id, call_created_at, reasons, queued_at, sent_by, updated_at)
                            select c.org_id, c.id, c.created_at, '{sent}', c.created_at + interval '2 hours', :admin, c.created_at + interval '2 hours'
                            from public.calls c
                            where c.org_id = :org and c.status = 'completed' and c.sentiment_label = 'negative'
                              and c.created_at >= :from and c.created_at < :to
                            order by c.created_at desc
                            limit :sent
                            on conflict (call_id) do update set reasons = review_queue.reasons || '{sent}', sent_by = excluded.sent_by
                              where not 'sent' = any(review_queue.reasons) and review_queue.done_at is null""")
                    .bind("org", org.id()).bind("admin", org.first("admin").id()).bind("sent", SENT)
                    .bind("from", Timestamp.from(windowEnd.minus(NOT_YET))).bind("to", Timestamp.from(windowEnd)).execute();
        }
        QUALITY_TABLES.forEach(t -> h.execute("alter table voxconsole." + t + " enable trigger user"));
        return written;
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** What a reviewer would have answered, given what happened in the call; null for N/A. */
    static Integer answer(StarterForms.Question q, Candidate c, SplittableRandom r) {
        double p = r.nextDouble();
        double na = r.nextDouble();
        boolean mismatch = c.kinds().contains("booking_mismatch");
        boolean notFound = c.kinds().contains("booking_not_found");
        return switch (q.key()) {
            case "greeting" -> yes(p < 0.96);
            case "identity" -> yes(p < 0.88);
            case "urgency", "conflict" -> q.allowsNa() && na < 0.3 ? null : yes(p < 0.86);
            case "earliest" -> na < 0.25 ? null : yes(p < 0.84);
            case "read_back" -> mismatch || notFound ? yes(p < 0.2) : na < 0.25 ? null : yes(p < 0.93);
            case "tone" -> switch (c.sentiment() == null ? "neutral" : c.sentiment()) {
                case "negative" -> p < 0.5 ? 2 : 3;
                case "positive" -> p < 0.6 ? 5 : 4;
                default -> p < 0.2 ? 3 : p < 0.8 ? 4 : 5;
            };
            case "resolution" -> c.kinds().contains("unresolved_negative") ? 2 : c.kinds().contains("repeat_call") ? 1
                    : p < 0.8 ? 0 : p < 0.95 ? 1 : 2;
            case "escalation" -> na < 0.8 ? null : yes(p < 0.9);
            case "no_made_up" -> yes(mismatch ? p < 0.5 : p < 0.985);
            case "no_advice" -> yes(p < 0.98);
            case "safety" -> na < 0.7 ? null : yes(p < 0.85);
            default -> q.allowsNa() && na < 0.2 ? null : yes(p < 0.9);
        };
    }

    private static Integer yes(boolean yes) {
        return yes ? 1 : 0;
    }

    /** The comment a reviewer leaves on a failed question, for a few of them. */
    private static String remark(StarterForms.Question q, Integer value) {
        if (value == null || value != 0) {
            return null;
        }
        return switch (q.key()) {
            case "greeting" -> "The greeting did not name the business.";
            case "read_back" -> "The booking was not read back; the caller hung up unsure of the time.";
            case "no_made_up" -> "The agent confirmed a time the calendar does not have.";
            case "escalation" -> "The caller asked for a person twice before being offered a call back.";
            default -> null;
        };
    }
}
