package com.voxanne.ops.quality;

import static com.voxanne.ops.quality.QualityFixture.BRIGHTSIDE;
import static com.voxanne.ops.quality.QualityFixture.HARLEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.bundle.InstallationKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Evaluations made offline beside a bundle, signed by the reviewer's installation key, imported as
 * the reviewer under row-level security: once, however often the import runs; a call of another
 * organization refused with one line naming it; a file changed after signing refused whole.
 */
class ReviewImportTest {

    private final List<UUID> made = new ArrayList<>();

    @AfterEach
    void dropImported() {
        QualityFixture.owner().useHandle(h -> made.forEach(id -> h.execute("delete from voxconsole.evaluations where id = ?", id)));
    }

    static Path signedFile(List<OfflineEvaluations.Made> evaluations) throws Exception {
        Path dir = Files.createTempDirectory(TestWorkspace.root(), "offline-review");
        Path bundle = dir.resolve("calls.voxbundle");
        InstallationKey key = InstallationKey.loadOrCreate(dir.resolve("installation-key"));
        OfflineEvaluations.write(bundle, "ab".repeat(32), key, evaluations);
        return bundle;
    }

    /** A submitted evaluation of {@code call} on Harley Street's clinic form, every answer top, and a draft's worth of it. */
    static OfflineEvaluations.Made evaluation(UUID call, boolean submitted) {
        Scorecard form = new ScorecardService(QualityFixture.as("user")).current().get(0);
        return new OfflineEvaluations.Made(UUID.randomUUID(), call, form.versionId(), submitted ? Evaluation.SUBMITTED : Evaluation.DRAFT,
                submitted ? ReviewQueueTest.topAnswers(form) : ReviewQueueTest.topAnswers(form).subList(0, 2),
                List.of(new OfflineEvaluations.Comment(1, "Read back the wrong day."), new OfflineEvaluations.Comment(null, "Good otherwise.")),
                Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void anOfflineEvaluationImportsOnceAndAForeignCallIsRefusedByName() throws Exception {
        OfflineEvaluations.Made submitted = evaluation(QualityFixture.call(HARLEY, 700), true);
        OfflineEvaluations.Made draft = evaluation(QualityFixture.call(HARLEY, 701), false);
        UUID theirCall = QualityFixture.call(BRIGHTSIDE, 5);
        OfflineEvaluations.Made foreign = new OfflineEvaluations.Made(UUID.randomUUID(), theirCall, submitted.versionId(), Evaluation.SUBMITTED,
                submitted.answers(), List.of(), submitted.updatedAt());
        made.addAll(List.of(submitted.id(), draft.id(), foreign.id()));
        Path bundle = signedFile(List.of(submitted, draft, foreign));
        OfflineEvaluations.Signed signed = OfflineEvaluations.read(bundle);
        assertThat(signed.evaluations()).hasSize(3);

        ReviewImport importer = new ReviewImport(QualityFixture.as("manager"));
        ReviewImport.Outcome first = importer.run(signed);
        assertThat(first.imported()).isEqualTo(2);
        assertThat(first.alreadyThere()).isZero();
        assertThat(first.refused()).singleElement().asString()
                .isEqualTo("Call " + theirCall + " is not one of your organization's calls, so its evaluation " + foreign.id() + " was not imported.");
        assertThat(first.summary()).isEqualTo("2 evaluations imported, 0 already there, 1 refused.");

        EvaluationService read = new EvaluationService(QualityFixture.as("user"));
        Evaluation in = read.find(submitted.id()).orElseThrow();
        assertThat(in.status()).isEqualTo(Evaluation.SUBMITTED);
        assertThat(in.score()).isPositive();
        assertThat(in.reviewerName()).as("the importing manager is the reviewer").isNotBlank();
        assertThat(read.comments(submitted.id())).extracting(EvaluationComment::turnIndex).containsExactly(null, 1);
        assertThat(read.find(draft.id()).orElseThrow().status()).isEqualTo(Evaluation.DRAFT);
        assertThat(read.answers(draft.id())).hasSize(2);
        String signer = QualityFixture.owner().withHandle(h -> h.createQuery("select offline_signer from voxconsole.evaluations where id = ?")
                .bind(0, submitted.id()).mapTo(String.class).one());
        assertThat(signer).isEqualTo("offline, key " + signed.signerFingerprint());

        ReviewImport.Outcome second = importer.run(OfflineEvaluations.read(bundle));
        assertThat(second.imported()).isZero();
        assertThat(second.alreadyThere()).isEqualTo(2);
        int copies = QualityFixture.owner().withHandle(h -> h.createQuery("select count(*) from voxconsole.evaluations where id = any(?)")
                .bind(0, new UUID[] {submitted.id(), draft.id(), foreign.id()}).mapTo(Integer.class).one());
        assertThat(copies).as("nothing twice, nothing of the foreign call").isEqualTo(2);
        int comments = QualityFixture.owner().withHandle(h -> h.createQuery("select count(*) from voxconsole.evaluation_comments where evaluation_id = ?")
                .bind(0, submitted.id()).mapTo(Integer.class).one());
        assertThat(comments).isEqualTo(2);
    }

    @Test
    void aRefusedEvaluationLeavesNothingOfItBehind() throws Exception {
        OfflineEvaluations.Made good = evaluation(QualityFixture.call(HARLEY, 702), true);
        // Submitted with a question unanswered: the database refuses the submission, and the row and answers go with it.
        OfflineEvaluations.Made incomplete = new OfflineEvaluations.Made(UUID.randomUUID(), QualityFixture.call(HARLEY, 703), good.versionId(),
                Evaluation.SUBMITTED, good.answers().subList(0, 3), List.of(), good.updatedAt());
        made.addAll(List.of(good.id(), incomplete.id()));
        ReviewImport.Outcome outcome = new ReviewImport(QualityFixture.as("manager")).run(OfflineEvaluations.read(signedFile(List.of(incomplete, good))));
        assertThat(outcome.imported()).isEqualTo(1);
        assertThat(outcome.refused()).singleElement().asString().contains(incomplete.id().toString())
                .endsWith("Every question needs an answer (or N/A where it allows one) before the evaluation is submitted.");
        assertThat(new EvaluationService(QualityFixture.as("user")).find(incomplete.id())).isEmpty();
    }

    @Test
    void aFileChangedAfterItWasSignedIsRefusedWhole() throws Exception {
        Path bundle = signedFile(List.of(evaluation(QualityFixture.call(HARLEY, 704), true)));
        Path file = OfflineEvaluations.besideBundle(bundle);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.writeString(file, text.replace("\"value\" : 5", "\"value\" : 1"), StandardCharsets.UTF_8);
        assertThat(Files.readString(file)).isNotEqualTo(text);
        assertThat(catchThrowable(() -> OfflineEvaluations.read(bundle)))
                .hasMessage("The offline evaluations calls.voxbundle.evaluations.json were changed after the reviewer signed them; nothing was imported.");
        assertThat(catchThrowable(() -> OfflineEvaluations.read(bundle.resolveSibling("other.voxbundle"))))
                .hasMessage("There are no offline evaluations beside other.voxbundle (no other.voxbundle.evaluations.json).");
    }
}
