package com.voxanne.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.quality.Answer;
import com.voxanne.ops.quality.Evaluation;
import com.voxanne.ops.quality.OfflineEvaluations;
import com.voxanne.ops.quality.Scorecard;
import com.voxanne.ops.quality.ScorecardQuestion;
import com.voxanne.ops.quality.ScorecardService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** `voxconsole review import FILE.voxbundle --url --user`: once, with one line per refusal and exit 1 then. */
class ReviewImportCommandTest {

    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void dropImported() {
        TestWorkspace.owner().useHandle(h -> made.forEach(id -> h.execute("delete from voxconsole.evaluations where id = ?", id)));
    }

    private static CliRun importAs(String slug, Path bundle) throws Exception {
        var login = TestWorkspace.login(slug, "manager");
        return CliRun.run(Map.of("PGPASSWORD", login.password()), null, "review", "import", bundle.toString(), "--url",
                TestWorkspace.get().jdbcUrl(), "--user", login.loginRole());
    }

    @Test
    void importsOnceAndNamesTheCallItRefuses() throws Exception {
        var jdbi = TestWorkspace.as("harley", "manager").jdbi();
        Scorecard form = new ScorecardService(jdbi).current().get(0);
        List<Answer> answers = new ArrayList<>();
        for (ScorecardQuestion q : form.questions()) {
            answers.add(Answer.of(q.id(), q.answerType() == com.voxanne.ops.quality.AnswerType.SCALE_1_5 ? 5 : q.answerType()
                    == com.voxanne.ops.quality.AnswerType.CHOICE ? 0 : 1));
        }
        UUID ours = TestWorkspace.owner().withHandle(h -> h.createQuery("select id from calls where org_id = ? and status = 'completed'"
                + " order by created_at, id offset 800 limit 1").bind(0, TestWorkspace.orgId("Harley Street Dental Clinic")).mapTo(UUID.class).one());
        UUID theirs = TestWorkspace.owner().withHandle(h -> h.createQuery("select id from calls where org_id = ? order by created_at, id limit 1")
                .bind(0, TestWorkspace.orgId("Brightside Physiotherapy")).mapTo(UUID.class).one());
        OfflineEvaluations.Made good = new OfflineEvaluations.Made(UUID.randomUUID(), ours, form.versionId(), Evaluation.SUBMITTED, answers,
                List.of(new OfflineEvaluations.Comment(0, "Named the clinic.")), Instant.parse("2026-11-20T10:00:00Z"));
        OfflineEvaluations.Made foreign = new OfflineEvaluations.Made(UUID.randomUUID(), theirs, form.versionId(), Evaluation.SUBMITTED,
                answers, List.of(), good.updatedAt());
        made.addAll(List.of(good.id(), foreign.id()));
        Path dir = Files.createTempDirectory(TestWorkspace.root(), "cli-import");
        Path bundle = dir.resolve("week.voxbundle");
        OfflineEvaluations.write(bundle, "cd".repeat(32), InstallationKey.loadOrCreate(dir.resolve("key")), List.of(good, foreign));

        CliRun first = importAs("harley", bundle);
        assertThat(first.exit()).as(first.err()).isEqualTo(1);
        assertThat(first.out()).startsWith("1 evaluation imported, 0 already there, 1 refused. Signed by the installation key ");
        assertThat(first.errLines()).contains("Call " + theirs + " is not one of your organization's calls, so its evaluation " + foreign.id()
                + " was not imported.");
        CliRun second = importAs("harley", bundle);
        assertThat(second.out()).startsWith("0 evaluations imported, 1 already there, 1 refused.");
        int rows = TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from voxconsole.evaluations where id = any(?)")
                .bind(0, new UUID[] {good.id(), foreign.id()}).mapTo(Integer.class).one());
        assertThat(rows).isEqualTo(1);

        CliRun none = importAs("harley", dir.resolve("other.voxbundle"));
        assertThat(none.exit()).isNotZero();
        assertThat(none.errLines()).containsExactly("There are no offline evaluations beside other.voxbundle (no other.voxbundle.evaluations.json).");
    }
}
