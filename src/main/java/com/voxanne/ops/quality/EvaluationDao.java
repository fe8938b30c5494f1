package com.voxanne.ops.quality;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Evaluations of the signed-in organization, with the scores the database computes for them. */
@RegisterConstructorMapper(Evaluation.class)
@RegisterConstructorMapper(Answer.class)
@RegisterConstructorMapper(EvaluationComment.class)
public interface EvaluationDao {

    String SELECT = """
            select e.id, e.call_id, e.version_id, e.reviewer_id, coalesce(p.full_name, p.email) as reviewer_name, e.status,
                   e.reopen_reason, e.submitted_at, e.signed_off_at, coalesce(so.full_name, so.email) as signed_off_by_name,
                   e.updated_at, s.score, s.score_without_critical, s.critical_failed, s.passed
            from voxconsole.evaluations e
            join voxconsole.evaluation_scores s on s.evaluation_id = e.id
            left join public.profiles p on p.id = e.reviewer_id
            left join public.profiles so on so.id = e.signed_off_by
            """;

    @SqlQuery(SELECT + "where e.id = :id")
    Optional<Evaluation> find(@Bind("id") UUID id);

    /** Every evaluation the person can see, oldest first (an offline review's own, to keep beside its bundle). */
    @SqlQuery(SELECT + "order by e.created_at, e.id")
    List<Evaluation> all();

    @SqlQuery(SELECT + "where e.call_id = :call order by e.created_at, e.id")
    List<Evaluation> ofCall(@Bind("call") UUID callId);

    @SqlQuery("select question_id, value, not_applicable from voxconsole.evaluation_answers where evaluation_id = :id")
    List<Answer> answers(@Bind("id") UUID evaluationId);

    @SqlQuery("""
            select c.id, c.turn_index, c.body, c.author_id, coalesce(p.full_name, p.email) as author_name, c.created_at, c.updated_at
            from voxconsole.evaluation_comments c
            left join public.profiles p on p.id = c.author_id
            where c.evaluation_id = :id
            order by c.turn_index nulls first, c.created_at, c.id""")
    List<EvaluationComment> comments(@Bind("id") UUID evaluationId);

    @SqlUpdate("insert into voxconsole.evaluations (id, call_id, version_id, offline_signer) values (:id, :call, :version, :signer)")
    void insert(@Bind("id") UUID id, @Bind("call") UUID callId, @Bind("version") UUID versionId, @Bind("signer") String offlineSigner);

    /**
     * The optimistic step of every save: the row moves (and its updated_at with it) only if it is
     * as the person saw it. Its status changes here too, or stays, for a save of answers alone.
     */
    @SqlUpdate("""
            update voxconsole.evaluations set status = coalesce(:status, status), reopen_reason = coalesce(:reason, reopen_reason)
            where id = :id and updated_at = :seen""")
    int move(@Bind("id") UUID id, @Bind("seen") java.time.OffsetDateTime seen, @Bind("status") String status,
             @Bind("reason") String reason);

    @SqlUpdate("update voxconsole.evaluations set status = :status where id = :id")
    int step(@Bind("id") UUID id, @Bind("status") String status);

    @SqlBatch("""
            insert into voxconsole.evaluation_answers (evaluation_id, question_id, value, not_applicable)
            values (:id, :questionId, :value, :notApplicable)
            on conflict (evaluation_id, question_id) do update set value = excluded.value, not_applicable = excluded.not_applicable
            where (evaluation_answers.value, evaluation_answers.not_applicable) is distinct from (excluded.value, excluded.not_applicable)""")
    void upsertAnswers(@Bind("id") UUID evaluationId, @org.jdbi.v3.sqlobject.customizer.BindMethods List<Answer> answers);

    @SqlUpdate("delete from voxconsole.evaluation_answers where evaluation_id = :id and not (question_id = any(:keep))")
    int deleteAnswersBut(@Bind("id") UUID evaluationId, @Bind("keep") UUID[] keep);

    @SqlUpdate("insert into voxconsole.evaluation_comments (id, evaluation_id, turn_index, body) values (:id, :evaluation, :turn, :body)")
    void insertComment(@Bind("id") UUID id, @Bind("evaluation") UUID evaluationId, @Bind("turn") Integer turnIndex,
                       @Bind("body") String body);

    @SqlUpdate("delete from voxconsole.evaluation_comments where id = :id")
    int deleteComment(@Bind("id") UUID id);
}
