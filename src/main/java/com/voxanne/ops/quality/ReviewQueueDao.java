package com.voxanne.ops.quality;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The review queue of the signed-in organization. */
@RegisterConstructorMapper(QueueItem.class)
@RegisterConstructorMapper(QueueStats.ReviewerDay.class)
public interface ReviewQueueDao {

    record Size(int waiting, java.time.Instant oldestCall) {
    }

    @SqlQuery("select voxconsole.top_up_review_queue(:from, :until)")
    int topUp(@Bind("from") OffsetDateTime from, @Bind("until") OffsetDateTime until);

    @SqlQuery("select voxconsole.take_next_review()")
    Optional<UUID> takeNext();

    @SqlQuery("select voxconsole.send_to_review(:call, :assignee)")
    UUID send(@Bind("call") UUID callId, @Bind("assignee") UUID assignee);

    @SqlUpdate("update voxconsole.review_queue set assignee_id = :assignee where id = :id and updated_at = :seen and done_at is null")
    int assign(@Bind("id") UUID itemId, @Bind("assignee") UUID assignee, @Bind("seen") OffsetDateTime seen);

    /** Gives an item back to the queue: only the reviewer who took it does. */
    @SqlUpdate("""
            update voxconsole.review_queue set taken_by = null, taken_at = null
            where id = :id and taken_by = voxconsole.current_profile_id() and done_at is null""")
    int release(@Bind("id") UUID itemId);

    /** The waiting calls, oldest first, a page at a time (keyset on the call's start). */
    @SqlQuery("""
            select q.id, q.call_id, q.call_created_at, c.caller_name, coalesce(c.phone_number, c.from_number) as caller_number, c.summary,
                   q.reasons, q.queued_at, q.assignee_id, coalesce(a.full_name, a.email) as assignee_name,
                   q.taken_by, coalesce(t.full_name, t.email) as taken_by_name, q.taken_at, q.updated_at
            from voxconsole.review_queue q
            left join public.calls c on c.id = q.call_id
            left join public.profiles a on a.id = q.assignee_id
            left join public.profiles t on t.id = q.taken_by
            where q.done_at is null and (q.call_created_at, q.id) > (:after, :afterId)
            order by q.call_created_at, q.id
            limit :limit""")
    List<QueueItem> waiting(@Bind("after") OffsetDateTime after, @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    /** Who may review: the organization's active managers and admins. */
    @RegisterConstructorMapper(Reviewer.class)
    @SqlQuery("""
            select id, coalesce(full_name, email) as name from public.profiles
            where role in ('manager', 'admin') and status = 'active' order by 2, 1""")
    List<Reviewer> reviewers();

    @RegisterConstructorMapper(Size.class)
    @SqlQuery("select count(*) as waiting, min(call_created_at) as oldest_call from voxconsole.review_queue where done_at is null")
    Size size();

    @SqlQuery("""
            select coalesce(p.full_name, p.email, 'Someone') as reviewer, count(*) as submitted, count(*) filter (where s.passed) as passed
            from voxconsole.evaluation_scores s
            left join public.profiles p on p.id = s.reviewer_id
            where s.submitted_at >= :since and s.status <> 'draft'
            group by 1 order by 2 desc, 1""")
    List<QueueStats.ReviewerDay> reviewersSince(@Bind("since") OffsetDateTime since);
}
