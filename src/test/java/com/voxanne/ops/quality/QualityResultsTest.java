package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Quality workspace's numbers are the database's (checked against the same counts made
 * directly), its drill-down lists the evaluations behind a count, and its export has one row per
 * evaluation and one column per question, or no file at all.
 */
class QualityResultsTest {

    private static final Instant TO = TestWorkspace.ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant FROM = TO.minusSeconds(40L * 86_400);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final QualityService quality = new QualityService(QualityFixture.as("user"));

    private static double ownerDouble(String sql) {
        return QualityFixture.owner().withHandle(h -> h.createQuery(sql).bind("org", HARLEY).bind("from", FROM.atOffset(ZoneOffset.UTC))
                .bind("to", TO.atOffset(ZoneOffset.UTC)).mapTo(Double.class).one());
    }

    private static final String OURS = " from voxconsole.evaluation_scores s where s.org_id = :org and s.submitted_at >= :from"
            + " and s.submitted_at < :to and s.status in ('submitted', 'signed_off')";

    @Test
    void theFiguresAreTheDatabasesOwnCounts() {
        QualityReport r = quality.report(FROM, TO, LONDON);
        QualityDao.Summary s = r.summary();
        assertThat(s.evaluations()).isPositive().isEqualTo((int) ownerDouble("select count(*)" + OURS));
        assertThat(s.average()).isEqualTo(ownerDouble("select round(avg(score), 1)" + OURS));
        assertThat(s.criticalFailed()).isEqualTo((int) ownerDouble("select count(*) filter (where critical_failed)" + OURS));
        assertThat(r.days().stream().mapToInt(QualityDao.Day::evaluations).sum()).isEqualTo(s.evaluations());
        assertThat(r.reviewers().stream().mapToInt(QualityDao.ReviewerVolume::evaluations).sum()).isEqualTo(s.evaluations());
        assertThat(r.failedQuestions()).isNotEmpty().isSortedAccordingTo((a, b) -> Integer.compare(b.failed(), a.failed()));
        assertThat(r.failedQuestions()).allSatisfy(q -> assertThat(q.failed()).isPositive().isLessThanOrEqualTo(q.answered()));
    }

    @Test
    void callsWithAWrongBookingScoreLowerAndTheDrillDownListsWhatIsBehindACount() {
        QualityReport r = quality.report(FROM, TO, LONDON);
        QualityDao.SignalEffect mismatch = r.signals().stream().filter(e -> e.kind().equals("booking_mismatch")).findFirst().orElseThrow();
        assertThat(mismatch.withCount()).isPositive();
        assertThat(mismatch.withCount() + mismatch.withoutCount()).isEqualTo(r.summary().evaluations());
        assertThat(mismatch.withAverage()).as("the demo's reviewers fail the read-back of a booking the calendar does not have")
                .isLessThan(mismatch.withoutAverage());

        QualityDao.FailedQuestion top = r.failedQuestions().get(0);
        List<QualityDao.Behind> behind = quality.failing(FROM, TO, top, 1_000);
        assertThat(behind).hasSize(top.failed());
        assertThat(behind).allSatisfy(b -> assertThat(b.callId()).isNotNull());
        assertThat(behind).isSortedAccordingTo((a, b) -> b.submittedAt().compareTo(a.submittedAt()));
    }

    @Test
    void theExportHasARowPerEvaluationAndAColumnPerQuestion() throws Exception {
        Path dir = Files.createTempDirectory(TestWorkspace.root(), "quality-export");
        Path file = dir.resolve("evaluations.csv");
        int rows = quality.exportCsv(FROM, TO, LONDON, file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(rows).isEqualTo(quality.report(FROM, TO, LONDON).summary().evaluations());
        assertThat(lines).hasSize(rows + 1);
        String head = lines.get(0);
        for (StarterForms.Question q : StarterForms.forKind("clinic").orElseThrow().questions()) {
            assertThat(head).contains("\"Clinic call standard: " + q.prompt().replace("\"", "\"\"") + "\"");
        }
        assertThat(head).startsWith("\"evaluation_id\",\"call_id\",\"call_started\"");
        int columns = head.split("\",\"", -1).length;
        assertThat(lines.subList(1, lines.size())).allSatisfy(l -> assertThat(l.split("\",\"", -1)).hasSize(columns));
        assertThat(String.join("\n", lines)).contains("\"Yes\"").contains("\"N/A\"").contains("\"Resolved\"");
        try (var left = Files.list(dir)) {
            assertThat(left).as("nothing but the file").containsExactly(file);
        }

        // A file that cannot be written (its name is a folder): one sentence, and nothing left behind.
        Path blocked = dir.resolve("blocked.csv");
        Files.createDirectory(blocked);
        Throwable failed = catchThrowable(() -> quality.exportCsv(FROM, TO, LONDON, blocked));
        assertThat(failed).isInstanceOf(UserFacingException.class).hasMessageStartingWith("The export could not be written to");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(file, blocked);
        }
    }
}
