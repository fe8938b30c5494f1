package com.voxanne.ops.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The Quality workspace's counting, done by the database over the evaluations submitted in a
 * period (submitted or signed off; a reopened one is being done again, a draft not yet), under the
 * person's row-level security, with the scores of voxconsole.evaluation_scores.
 */
public interface QualityDao {

    String RESULTS = " s.submitted_at >= :from and s.submitted_at < :to and s.status in ('submitted', 'signed_off') ";

    /** The period's evaluations with their calls and reviewers (the drill-down and the export add their own ending). */
    String BEHIND = """
            select s.evaluation_id, s.call_id, c.created_at as call_at, coalesce(c.caller_name, c.phone_number, c.from_number) as caller,
                   coalesce(p.full_name, p.email) as reviewer, s.status, s.score, s.passed, s.critical_failed, s.submitted_at
            from voxconsole.evaluation_scores s
            left join public.calls c on c.id = s.call_id
            left join public.profiles p on p.id = s.reviewer_id
            where""" + RESULTS;

    record Summary(int evaluations, Double average, Double passRate, int criticalFailed, int signedOff) {
    }

    record Day(LocalDate day, int evaluations, Double average, Double passRate) {
    }

    /** A question as the period's evaluations answered it: how often it was answered (not N/A) and how often failed. */
    record FailedQuestion(String form, String prompt, boolean critical, int answered, int failed) {

        public double failedShare() {
            return answered == 0 ? 0 : (double) failed / answered;
        }
    }

    record SignalEffect(String kind, int withCount, Double withAverage, int withoutCount, Double withoutAverage) {
    }

    record ReviewerVolume(String reviewer, int evaluations, Double average, Double passRate, int signedOff) {
    }

    /** An evaluation behind a count (the drill-down), with its call. */
    record Behind(UUID evaluationId, UUID callId, Instant callAt, String caller, String reviewer, String status, Double score,
                  boolean passed, boolean criticalFailed, Instant submittedAt) {
    }

    /** One answer of one evaluation, for the export's columns. */
    record ExportAnswer(UUID evaluationId, String form, int position, String prompt, String answerType, String choices, Integer value,
                        boolean notApplicable) {
    }

    @RegisterConstructorMapper(Summary.class)
    @SqlQuery("""
            select count(*) as evaluations, round(avg(s.score), 1) as average,
                   round(100.0 * count(*) filter (where s.passed) / nullif(count(*), 0), 1) as pass_rate,
                   count(*) filter (where s.critical_failed) as critical_failed, count(*) filter (where s.status = 'signed_off') as signed_off
            from voxconsole.evaluation_scores s
            where""" + RESULTS)
    Summary summary(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @RegisterConstructorMapper(Day.class)
    @SqlQuery("""
            select (s.submitted_at at time zone :zone)::date as day, count(*) as evaluations, round(avg(s.score), 1) as average,
                   round(100.0 * count(*) filter (where s.passed) / count(*), 1) as pass_rate
            from voxconsole.evaluation_scores s
            where""" + RESULTS + """
            group by 1 order by 1""")
    List<Day> days(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("zone") String zone);

    @RegisterConstructorMapper(FailedQuestion.class)
    @SqlQuery("""
            select f.name as form, a.prompt, bool_or(a.critical) as critical,
                   count(*) filter (where not a.not_applicable) as answered,
                   count(*) filter (where not a.not_applicable and a.score < 0.5) as failed
            from voxconsole.evaluations s
            join voxconsole.answer_scores a on a.evaluation_id = s.id
            join voxconsole.scorecard_versions v on v.id = a.version_id
            join voxconsole.scorecard_forms f on f.id = v.form_id
            where""" + RESULTS + """
            group by f.name, a.prompt
            having count(*) filter (where not a.not_applicable and a.score < 0.5) > 0
            order by failed desc, answered, form, prompt
            limit :limit""")
    List<FailedQuestion> failedQuestions(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("limit") int limit);

    @RegisterConstructorMapper(Behind.class)
    @SqlQuery(BEHIND + """
              and exists (select 1 from voxconsole.answer_scores a
                          join voxconsole.scorecard_versions v on v.id = a.version_id
                          join voxconsole.scorecard_forms f on f.id = v.form_id
                          where a.evaluation_id = s.evaluation_id and f.name = :form and a.prompt = :prompt and not a.not_applicable
                            and a.score < 0.5)
            order by s.submitted_at desc, s.evaluation_id
            limit :limit""")
    List<Behind> failing(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("form") String form,
                         @Bind("prompt") String prompt, @Bind("limit") int limit);

    /** For each kind of signal: the evaluated calls that had it and those that did not, with their average scores. */
    @RegisterConstructorMapper(SignalEffect.class)
    @SqlQuery("""
            select k.kind,
                   count(*) filter (where h.has) as with_count, round(avg(s.score) filter (where h.has), 1) as with_average,
                   count(*) filter (where not h.has) as without_count, round(avg(s.score) filter (where not h.has), 1) as without_average
            from voxconsole.evaluation_scores s
            cross join unnest(cast(:kinds as text[])) as k (kind)
            cross join lateral (select exists (select 1 from voxconsole.call_signals cs
                                               where cs.call_id = s.call_id and cs.kind = k.kind and cs.holds_from <= now())) as h (has)
            where""" + RESULTS + """
            group by k.kind
            order by k.kind""")
    List<SignalEffect> signalEffects(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to, @Bind("kinds") String[] kinds);

    @RegisterConstructorMapper(ReviewerVolume.class)
    @SqlQuery("""
            select coalesce(p.full_name, p.email, 'Someone') as reviewer, count(*) as evaluations, round(avg(s.score), 1) as average,
                   round(100.0 * count(*) filter (where s.passed) / count(*), 1) as pass_rate,
                   count(*) filter (where s.status = 'signed_off') as signed_off
            from voxconsole.evaluation_scores s
            left join public.profiles p on p.id = s.reviewer_id
            where""" + RESULTS + """
            group by 1 order by 2 desc, 1""")
    List<ReviewerVolume> reviewers(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @RegisterConstructorMapper(Behind.class)
    @SqlQuery(BEHIND + """
            order by s.submitted_at, s.evaluation_id""")
    List<Behind> evaluations(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @RegisterConstructorMapper(ExportAnswer.class)
    @SqlQuery("""
            select a.evaluation_id, f.name as form, q.position, q.prompt, q.answer_type, q.choices::text as choices, a.value, a.not_applicable
            from voxconsole.evaluations s
            join voxconsole.evaluation_answers a on a.evaluation_id = s.id
            join voxconsole.scorecard_questions q on q.id = a.question_id
            join voxconsole.scorecard_versions v on v.id = q.version_id
            join voxconsole.scorecard_forms f on f.id = v.form_id
            where""" + RESULTS + """
            order by f.name, q.position""")
    List<ExportAnswer> exportAnswers(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);
}
