package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.BRIGHTSIDE;
import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.security.Attempt;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Who may do what with evaluations, forms and the queue, as the database enforces it: users
 * read, managers evaluate and sign off (never their own), admins design forms; no organization
 * reaches another's rows; two editors of one evaluation never overwrite each other.
 */
class QualityRightsTest {

    private static final List<String> TABLES = List.of("scorecard_forms", "scorecard_versions", "scorecard_questions", "review_settings",
            "evaluations", "evaluation_answers", "evaluation_comments", "review_queue");

    private final List<UUID> made = new java.util.ArrayList<>();

    @AfterEach
    void dropEvaluations() {
        QualityFixture.owner().useHandle(h -> made.forEach(id -> h.execute("delete from voxconsole.evaluations where id = ?", id)));
    }

    static Stream<Arguments> tablesAndRoles() {
        return TABLES.stream().flatMap(t -> Stream.of("admin", "manager", "user").map(r -> Arguments.of(t, r)));
    }

    @ParameterizedTest(name = "{1} of one organization cannot reach another''s {0}")
    @MethodSource("tablesAndRoles")
    void noOrganizationReachesAnothersRows(String table, String role) {
        Jdbi login = QualityFixture.as(role);
        String theirs = "org_id <> '" + HARLEY + "'";
        long before = QualityFixture.owner().withHandle(h -> h.createQuery("select count(*) from voxconsole." + table + " where " + theirs)
                .mapTo(Long.class).one());
        assertThat(before).as("the demo gives %s rows of other organizations", table).isPositive();
        assertThat(Attempt.count(login, "select count(*) from voxconsole." + table + " where " + theirs).touchedNothing()).isTrue();
        assertThat(Attempt.count(login, "select count(*) from voxconsole." + table).rows()).as("its own are there").isPositive();
        assertThat(Attempt.update(login, "update voxconsole." + table + " set updated_at = updated_at where " + theirs).touchedNothing()).isTrue();
        assertThat(Attempt.update(login, "delete from voxconsole." + table + " where " + theirs).touchedNothing()).isTrue();
        assertThat(Attempt.update(login, "insert into voxconsole." + table + " (org_id) values ('" + BRIGHTSIDE + "')").refused()).isTrue();
        long after = QualityFixture.owner().withHandle(h -> h.createQuery("select count(*) from voxconsole." + table + " where " + theirs)
                .mapTo(Long.class).one());
        assertThat(after).isEqualTo(before);
    }

    private Scorecard form(String role) {
        return new ScorecardService(QualityFixture.as(role)).current().get(0);
    }

    private Evaluation submittedBy(String role, int callNumber) {
        EvaluationService evaluations = QualityFixture.evaluations(role);
        Scorecard form = form(role);
        Evaluation draft = evaluations.start(QualityFixture.call(HARLEY, callNumber), form.versionId());
        made.add(draft.id());
        return ((SaveResult.Saved<Evaluation>) evaluations.submit(draft.id(), draft.updatedAt(), ReviewQueueTest.topAnswers(form))).now();
    }

    @Test
    void usersReadEvaluationsButNeverWriteThem() {
        Jdbi user = QualityFixture.as("user");
        assertThat(Attempt.count(user, "select count(*) from voxconsole.evaluation_scores where passed").rows()).isPositive();
        UUID call = QualityFixture.call(HARLEY, 50);
        UUID version = form("user").versionId();
        assertThat(Attempt.update(user, "insert into voxconsole.evaluations (call_id, version_id) values ('" + call + "', '" + version + "')")
                .refused()).isTrue();
        assertThat(Attempt.update(user, "update voxconsole.evaluations set status = 'signed_off'").refused()).isTrue();
        assertThat(Attempt.update(user, "delete from voxconsole.evaluation_answers").refused()).isTrue();
        assertThat(Attempt.update(user, "insert into voxconsole.evaluation_comments (evaluation_id, body) select id, 'x' from"
                + " voxconsole.evaluations limit 1").refused()).isTrue();
        assertThat(catchThrowable(() -> QualityFixture.evaluations("user").start(call, version)))
                .hasMessage("You are not allowed to do that: your role does not have the right.");
    }

    @Test
    void aManagerEvaluatesButNeverChangesWhatTheEvaluationIsOf() {
        Evaluation e = submittedBy("manager", 51);
        Jdbi manager = QualityFixture.as("manager");
        for (String column : List.of("call_id = call_id", "version_id = version_id", "reviewer_id = reviewer_id", "org_id = org_id",
                "submitted_at = now()", "signed_off_by = reviewer_id")) {
            assertThat(Attempt.update(manager, "update voxconsole.evaluations set " + column + " where id = '" + e.id() + "'").refused())
                    .as(column).isTrue();
        }
        assertThat(Attempt.update(manager, "delete from voxconsole.evaluations where id = '" + e.id() + "'").touchedNothing())
                .as("a submitted evaluation is history, not thrown away").isTrue();
        assertThat(Attempt.update(manager, "insert into voxconsole.evaluations (call_id, version_id, reviewer_id) values ('"
                + e.callId() + "', '" + e.versionId() + "', gen_random_uuid())").refused()).as("no evaluation in another's name").isTrue();
    }

    @Test
    void nobodySignsOffTheirOwnEvaluationAndASecondManagerDoes() {
        Evaluation e = submittedBy("manager", 52);
        Throwable own = catchThrowable(() -> QualityFixture.evaluations("manager").signOff(e.id(), e.updatedAt()));
        assertThat(own).hasMessage("Someone other than the reviewer signs an evaluation off.");
        SaveResult<Evaluation> byAdmin = QualityFixture.evaluations("admin").signOff(e.id(), e.updatedAt());
        Evaluation signed = ((SaveResult.Saved<Evaluation>) byAdmin).now();
        assertThat(signed.status()).isEqualTo(Evaluation.SIGNED_OFF);
        assertThat(signed.signedOffAt()).isNotNull();
        assertThat(signed.signedOffByName()).isNotBlank().isNotEqualTo(signed.reviewerName());
        Throwable noReason = catchThrowable(() -> QualityFixture.evaluations("manager").reopen(signed.id(), signed.updatedAt(), "  "));
        assertThat(noReason).hasMessage("Say why the evaluation is reopened: the reviewer reads it.");
        Evaluation reopened = ((SaveResult.Saved<Evaluation>) QualityFixture.evaluations("manager")
                .reopen(signed.id(), signed.updatedAt(), "The caller did ask for a person.")).now();
        assertThat(reopened.status()).isEqualTo(Evaluation.REOPENED);
        assertThat(reopened.reopenReason()).isEqualTo("The caller did ask for a person.");
        assertThat(reopened.signedOffAt()).isNull();
        Throwable skip = catchThrowable(() -> QualityFixture.evaluations("admin").signOff(reopened.id(), reopened.updatedAt()));
        assertThat(skip).hasMessageStartingWith("An evaluation goes from draft to submitted to signed off");
    }

    @Test
    void twoEditorsOfOneEvaluationNeverOverwriteEachOther() {
        Scorecard form = form("manager");
        EvaluationService first = QualityFixture.evaluations("manager");
        EvaluationService second = QualityFixture.evaluations("admin");
        Evaluation draft = first.start(QualityFixture.call(HARLEY, 53), form.versionId());
        made.add(draft.id());
        Evaluation seenBySecond = second.find(draft.id()).orElseThrow();
        UUID q1 = form.questions().get(0).id();

        SaveResult<Evaluation> saved = first.save(draft.id(), draft.updatedAt(), List.of(Answer.of(q1, 1)));
        assertThat(saved).isInstanceOf(SaveResult.Saved.class);
        SaveResult<Evaluation> late = second.save(seenBySecond.id(), seenBySecond.updatedAt(), List.of(Answer.of(q1, 0)));
        assertThat(late).isInstanceOf(SaveResult.Conflict.class);
        assertThat(late.sentence("evaluation")).startsWith("Someone else changed this evaluation after you opened it.");
        assertThat(((SaveResult.Conflict<Evaluation>) late).now().updatedAt()).isEqualTo(((SaveResult.Saved<Evaluation>) saved).now().updatedAt());
        assertThat(first.answers(draft.id())).containsExactly(Answer.of(q1, 1));
        SaveResult<Evaluation> lateSubmit = second.submit(seenBySecond.id(), seenBySecond.updatedAt(), ReviewQueueTest.topAnswers(form));
        assertThat(lateSubmit).as("a stale submission is a conflict too").isInstanceOf(SaveResult.Conflict.class);
        assertThat(first.find(draft.id()).orElseThrow().status()).isEqualTo(Evaluation.DRAFT);
        SaveResult<Evaluation> staleSignOff = second.signOff(draft.id(), draft.updatedAt());
        assertThat(staleSignOff).isInstanceOf(SaveResult.Conflict.class);
    }

    @Test
    void anotherOrganizationsCallIsRefusedByName() {
        UUID theirCall = QualityFixture.call(BRIGHTSIDE, 1);
        Throwable refused = catchThrowable(() -> QualityFixture.evaluations("manager").start(theirCall, form("manager").versionId()));
        assertThat(refused).hasMessage("That call is not one of your organization's, so it cannot be evaluated here.");
        UUID theirVersion = new ScorecardService(TestWorkspace.as("brightside", "user").jdbi()).current().get(0).versionId();
        Throwable theirForm = catchThrowable(() -> QualityFixture.evaluations("manager").start(QualityFixture.call(HARLEY, 54), theirVersion));
        assertThat(theirForm).as("another organization's form").isNotNull();
        // A draft of theirs, open to answers: only row-level security stands between it and this manager.
        Evaluation theirDraft = new EvaluationService(TestWorkspace.as("brightside", "manager").jdbi())
                .start(QualityFixture.call(BRIGHTSIDE, 2), theirVersion);
        made.add(theirDraft.id());
        UUID theirEvaluation = theirDraft.id();
        Attempt answer = Attempt.update(QualityFixture.as("manager"), "insert into voxconsole.evaluation_answers (evaluation_id, question_id,"
                + " value) select '" + theirEvaluation + "', q.id, 1 from voxconsole.scorecard_questions q limit 1");
        assertThat(answer.refused()).as("an answer to another organization's evaluation: %s", answer).isTrue();
    }

    @Test
    void commentsArePinnedToATurnAndOnlyTheirAuthorTakesThemBack() {
        Scorecard form = form("manager");
        EvaluationService manager = QualityFixture.evaluations("manager");
        Evaluation draft = manager.start(QualityFixture.call(HARLEY, 55), form.versionId());
        made.add(draft.id());
        EvaluationComment pinned = manager.comment(draft.id(), 3, "Offered a slot without checking the calendar.");
        EvaluationComment whole = manager.comment(draft.id(), null, "Good call overall.");
        assertThat(manager.comments(draft.id())).extracting(EvaluationComment::turnIndex).containsExactly(null, 3);
        assertThat(pinned.authorName()).isNotBlank();
        assertThat(catchThrowable(() -> manager.comment(draft.id(), -1, "x")))
                .hasMessage("A comment is pinned to a turn of the transcript, numbered from 0.");
        assertThat(catchThrowable(() -> manager.comment(draft.id(), 1, "   "))).hasMessage("A comment needs words, at most 4,000 characters.");
        assertThat(QualityFixture.evaluations("admin").deleteComment(whole.id())).as("not the admin's to remove").isFalse();
        assertThat(manager.deleteComment(whole.id())).isTrue();
        assertThat(manager.comments(draft.id())).containsExactly(pinned);
    }

    @Test
    void everyChangeIsAuditedAndOtherConsolesHearOfIt() throws Exception {
        Scorecard form = form("manager");
        String channel = QualityFixture.as("admin").withHandle(h -> h.createQuery("select voxconsole.my_change_channel()").mapTo(String.class).one());
        try (Connection listener = TestWorkspace.as("harley", "admin").openDedicated("voxconsole-quality-live")) {
            listener.setAutoCommit(true);
            try (var s = listener.createStatement()) {
                s.execute("listen " + channel);
            }
            EvaluationService manager = QualityFixture.evaluations("manager");
            Evaluation draft = manager.start(QualityFixture.call(HARLEY, 56), form.versionId());
            made.add(draft.id());
            manager.submit(draft.id(), draft.updatedAt(), ReviewQueueTest.topAnswers(form));
            StringBuilder heard = new StringBuilder();
            for (int i = 0; i < 50 && !heard.toString().contains(draft.id().toString()); i++) {
                PGNotification[] notes = listener.unwrap(PGConnection.class).getNotifications(200);
                for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                    heard.append(n.getParameter()).append('\n');
                }
            }
            assertThat(heard.toString()).contains("\"t\": \"evaluations\"").contains(draft.id().toString());
        }
        List<String> trail = QualityFixture.owner().withHandle(h -> h.createQuery("""
                        select action || ' ' || entity || ' ' || actor_login from voxconsole.audit_trail
                        where (entity = 'evaluations' and entity_id = :id) or (entity = 'evaluation_answers' and details -> 'new' ->> 'evaluation_id' = :text)
                        order by created_at, action""")
                .bind("id", made.get(0)).bind("text", made.get(0).toString()).mapTo(String.class).list());
        assertThat(trail).contains("insert evaluations demo_harley_manager", "update evaluations demo_harley_manager",
                "insert evaluation_answers demo_harley_manager");
    }
}
