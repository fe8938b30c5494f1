package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.BRIGHTSIDE;
import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.security.Attempt;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The review queue: the database fills it deterministically, hands out the next call so that two
 * reviewers asking at the same moment never get the same one, and takes a call out once its
 * evaluation is submitted.
 */
class ReviewQueueTest {

    /** The demo's history ends here; its queue holds the last week before it. */
    private static final Instant END = TestWorkspace.ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant WEEK_BEFORE = END.minusSeconds(7 * 86_400);

    private final List<UUID> sentCalls = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        QualityFixture.owner().useTransaction(h -> {
            for (UUID call : sentCalls) {
                h.execute("delete from voxconsole.review_queue where call_id = ?", call);
            }
            h.execute("update voxconsole.review_queue set taken_by = null, taken_at = null where done_at is null");
            h.execute("update voxconsole.review_settings set sample_percent = 4, always_review = '{booking_mismatch}'");
            h.execute("""
                    delete from voxconsole.review_queue
                    where done_at is null and reasons = '{sample}' and not voxconsole.in_sample(call_id, 4)""");
        });
    }

    private static Jdbi as(String slug, String role) {
        return TestWorkspace.as(slug, role).jdbi();
    }

    private static int topUp(Jdbi login) {
        return login.withHandle(h -> h.createQuery("select voxconsole.top_up_review_queue(:from, :until)")
                .bind("from", WEEK_BEFORE.atOffset(ZoneOffset.UTC)).bind("until", END.atOffset(ZoneOffset.UTC)).mapTo(Integer.class).one());
    }

    private static Optional<UUID> takeNext(Jdbi login) {
        return login.withHandle(h -> h.attach(ReviewQueueDao.class).takeNext());
    }

    private static UUID profileOf(String login) {
        return QualityFixture.owner().withHandle(h -> h.createQuery("select profile_id from voxconsole.console_logins where login_role = :l")
                .bind("l", login).mapTo(UUID.class).one());
    }

    /** Sends old calls (older than anything the demo queued) to review, so they are the next ones out. */
    private List<UUID> sendOldCalls(int count, int from, UUID assignee) {
        ReviewQueueService queue = new ReviewQueueService(as("harley", "manager"));
        List<UUID> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID call = QualityFixture.call(HARLEY, from + i);
            queue.send(call, assignee);
            calls.add(call);
        }
        sentCalls.addAll(calls);
        return calls;
    }

    private static long sampledInWindow(double percent) {
        return QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select count(*) from calls c
                        where c.org_id = :org and c.status = 'completed' and c.created_at >= :from and c.created_at < :until
                          and voxconsole.in_sample(c.id, cast(:pct as numeric))""")
                .bind("org", HARLEY).bind("from", WEEK_BEFORE.atOffset(ZoneOffset.UTC)).bind("until", END.atOffset(ZoneOffset.UTC))
                .bind("pct", percent).mapTo(Long.class).one());
    }

    private static long queuedSampledInWindow(double percent) {
        return QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select count(*) from voxconsole.review_queue q
                        where q.org_id = :org and q.call_created_at >= :from and q.call_created_at < :until
                          and voxconsole.in_sample(q.call_id, cast(:pct as numeric))""")
                .bind("org", HARLEY).bind("from", WEEK_BEFORE.atOffset(ZoneOffset.UTC)).bind("until", END.atOffset(ZoneOffset.UTC))
                .bind("pct", percent).mapTo(Long.class).one());
    }

    @Test
    void theSampleIsDeterministicAndAHigherShareKeepsEveryCallALowerOneHad() {
        Jdbi manager = as("harley", "manager");
        assertThat(topUp(manager)).as("the demo queued exactly what the console's own top-up would").isZero();
        long atFour = sampledInWindow(4);
        assertThat(atFour).isPositive();
        assertThat(queuedSampledInWindow(4)).isEqualTo(atFour);

        assertThat(QualityFixture.exec(as("harley", "admin"), "update voxconsole.review_settings set sample_percent = 10")).isEqualTo(1);
        long atTen = sampledInWindow(10);
        assertThat(atTen).isGreaterThan(atFour);
        assertThat(topUp(manager)).isPositive();
        assertThat(queuedSampledInWindow(10)).as("every call of the 10 %% sample is queued").isEqualTo(atTen);
        assertThat(queuedSampledInWindow(4)).as("and every call of the demo's 4 %% sample still is").isEqualTo(atFour);
        long sampledOutside = QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select count(*) from voxconsole.review_queue q
                        where q.org_id = :org and 'sample' = any(q.reasons) and not voxconsole.in_sample(q.call_id, 10)""")
                .bind("org", HARLEY).mapTo(Long.class).one());
        assertThat(sampledOutside).as("the fill writes in_sample's rule out (V10): nothing it samples is outside in_sample").isZero();
        assertThat(topUp(manager)).as("a second top-up adds nothing").isZero();
    }

    @Test
    void callsWithASignalAlwaysReviewedAreQueuedWithTheirReason() {
        assertThat(QualityFixture.exec(as("harley", "admin"), 
                "update voxconsole.review_settings set always_review = '{booking_mismatch,unresolved_negative}'")).isEqualTo(1);
        topUp(as("harley", "manager"));
        long flagged = QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select count(distinct k.call_id) from voxconsole.call_signals k
                        where k.org_id = :org and k.kind = 'unresolved_negative' and k.created_at >= :from and k.created_at < :until
                          and not exists (select 1 from voxconsole.evaluations e where e.call_id = k.call_id and e.status <> 'draft')""")
                .bind("org", HARLEY).bind("from", WEEK_BEFORE.atOffset(ZoneOffset.UTC)).bind("until", END.atOffset(ZoneOffset.UTC))
                .mapTo(Long.class).one());
        long queued = QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select count(*) from voxconsole.review_queue where org_id = :org and 'signal:unresolved_negative' = any(reasons)""")
                .bind("org", HARLEY).mapTo(Long.class).one());
        assertThat(flagged).isPositive();
        assertThat(queued).isEqualTo(flagged);
        QualityFixture.owner().useHandle(h -> h.execute("""
                delete from voxconsole.review_queue where done_at is null and reasons = '{signal:unresolved_negative}'"""));
        QualityFixture.owner().useHandle(h -> h.execute("""
                update voxconsole.review_queue set reasons = array_remove(reasons, 'signal:unresolved_negative')
                where 'signal:unresolved_negative' = any(reasons)"""));
    }

    @Test
    void twoReviewersAskingAtOnceNeverGetTheSameCall() throws Exception {
        sendOldCalls(30, 200, null);
        Jdbi owner = QualityFixture.owner();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<UUID>>> reviewers = new ArrayList<>();
            for (String role : List.of("manager", "admin")) {
                Jdbi login = as("harley", role);
                reviewers.add(two.submit(() -> {
                    List<UUID> taken = new ArrayList<>();
                    for (int round = 0; round < 12; round++) {
                        together.await(30, TimeUnit.SECONDS);
                        // Both hold their transaction open until the other has taken too: the lock is what keeps them apart.
                        UUID call = login.inTransaction(h -> {
                            UUID mine = h.attach(ReviewQueueDao.class).takeNext().orElseThrow();
                            together.await(30, TimeUnit.SECONDS);
                            return mine;
                        });
                        taken.add(call);
                        // Done with it, as a submitted evaluation would mark it.
                        owner.useHandle(h -> h.execute("update voxconsole.review_queue set done_at = now() where call_id = ?", call));
                    }
                    return taken;
                }));
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> r : reviewers) {
                all.addAll(r.get(120, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(24).doesNotHaveDuplicates();
            assertThat(new HashSet<>(sentCalls)).as("the oldest calls went first").containsAll(all);
        } finally {
            two.shutdownNow();
        }
    }

    @Test
    void aReviewerGetsTheirOwnUnfinishedCallBackThenTheirAssignedOnesThenTheOldest() {
        UUID admin = profileOf("demo_harley_admin");
        List<UUID> forAnyone = sendOldCalls(2, 300, null);
        List<UUID> forTheAdmin = sendOldCalls(1, 310, admin);
        Jdbi manager = as("harley", "manager");
        Jdbi adminLogin = as("harley", "admin");
        UUID first = takeNext(manager).orElseThrow();
        assertThat(first).isEqualTo(forAnyone.get(0));
        assertThat(takeNext(manager)).as("the same reviewer asking again gets the call it has not finished").contains(first);
        assertThat(takeNext(adminLogin)).as("an assigned call first, though older ones wait").contains(forTheAdmin.get(0));
        assertThat(new ReviewQueueService(manager).release(
                manager.withHandle(h -> h.createQuery("select id from voxconsole.review_queue where call_id = ?").bind(0, first)
                        .mapTo(UUID.class).one()))).isTrue();
        assertThat(takeNext(adminLogin)).as("the admin still has its own").contains(forTheAdmin.get(0));
    }

    @Test
    void aCallTakenMoreThanTwoHoursAgoAndNotDoneIsFreeAgain() {
        UUID call = sendOldCalls(1, 5, null).get(0);
        UUID admin = profileOf("demo_harley_admin");
        QualityFixture.owner().useHandle(h -> h.execute(
                "update voxconsole.review_queue set taken_by = ?, taken_at = now() - interval '3 hours' where call_id = ?", admin, call));
        assertThat(takeNext(as("harley", "manager"))).contains(call);
    }

    @Test
    void submittingTheEvaluationTakesTheCallOutOfTheQueue() {
        UUID call = sendOldCalls(1, 400, null).get(0);
        Jdbi manager = as("harley", "manager");
        assertThat(takeNext(manager)).contains(call);
        Scorecard form = new ScorecardService(manager).current().get(0);
        EvaluationService evaluations = new EvaluationService(manager);
        Evaluation draft = evaluations.start(call, form.versionId());
        SaveResult<Evaluation> submitted = evaluations.submit(draft.id(), draft.updatedAt(), topAnswers(form));
        assertThat(submitted).isInstanceOf(SaveResult.Saved.class);
        var row = QualityFixture.owner().withHandle(h -> h.createQuery(
                "select done_at is not null as done, evaluation_id from voxconsole.review_queue where call_id = ?").bind(0, call).mapToMap().one());
        assertThat(row.get("done")).isEqualTo(true);
        assertThat(row.get("evaluation_id")).isEqualTo(draft.id());
        assertThat(new ReviewQueueService(manager).waiting(null, 10_000)).extracting(QueueItem::callId).doesNotContain(call);
        assertThat(takeNext(manager)).isNotEqualTo(Optional.of(call));
        QualityFixture.owner().useHandle(h -> h.execute("delete from voxconsole.evaluations where id = ?", draft.id()));
    }

    @Test
    void usersNeitherTakeNorSendAndNoOrganizationReachesAnothersQueue() {
        Jdbi user = as("harley", "user");
        assertThat(Attempt.count(user, "select count(*) from voxconsole.take_next_review()").refused()).isTrue();
        assertThat(Attempt.count(user, "select count(*) from voxconsole.send_to_review('" + QualityFixture.call(HARLEY, 1) + "', null)")
                .refused()).isTrue();
        assertThat(Attempt.count(user, "select count(*) from voxconsole.review_queue").rows()).as("users see the queue").isPositive();
        assertThat(Attempt.update(user, "update voxconsole.review_queue set assignee_id = null").refused()).isTrue();
        assertThat(Attempt.update(as("harley", "manager"), "update voxconsole.review_queue set done_at = now()").refused())
                .as("only a submitted evaluation takes a call out").isTrue();

        Jdbi theirs = as("brightside", "manager");
        UUID harleyCall = QualityFixture.call(HARLEY, 2);
        Throwable foreign = catchThrowable(() -> new ReviewQueueService(theirs).send(harleyCall, null));
        assertThat(foreign).hasMessage("There is no such call in your organization.");
        UUID theirCall = QualityFixture.call(BRIGHTSIDE, 0);
        new ReviewQueueService(theirs).send(theirCall, null);
        sentCalls.add(theirCall);
        UUID taken = takeNext(theirs).orElseThrow();
        UUID takenOrg = QualityFixture.owner().withHandle(h -> h.createQuery("select org_id from calls where id = ?").bind(0, taken)
                .mapTo(UUID.class).one());
        assertThat(takenOrg).isEqualTo(BRIGHTSIDE);
        Throwable assignForeign = catchThrowable(() -> new ReviewQueueService(as("harley", "manager"))
                .send(QualityFixture.call(HARLEY, 3), profileOf("demo_brightside_manager")));
        assertThat(assignForeign).hasMessage("Calls are assigned to an active manager or admin of your organization.");
    }

    static List<Answer> topAnswers(Scorecard form) {
        List<Answer> answers = new ArrayList<>();
        for (ScorecardQuestion q : form.questions()) {
            answers.add(Answer.of(q.id(), switch (q.answerType()) {
                case YES_NO -> 1;
                case SCALE_1_5 -> 5;
                case CHOICE -> 0;
            }));
        }
        return answers;
    }
}
