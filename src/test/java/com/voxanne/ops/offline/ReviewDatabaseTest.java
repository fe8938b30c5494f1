package com.voxanne.ops.offline;

import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleFormat;
import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.sentiment.SentimentPeriod;
import com.voxanne.ops.sentiment.SentimentService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A bundle opened offline is the same data in the same workspaces: calls, transcripts, search and charts, read-only. */
class ReviewDatabaseTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Path export(String name, boolean redact) throws Exception {
        Path dir = TestWorkspace.root().resolve("review-" + UUID.randomUUID());
        InstallationKey key = InstallationKey.loadOrCreate(dir.resolve("key"));
        Path out = dir.resolve(name);
        new ExportService(TestWorkspace.as("harley", "user").jdbi(), key).export(CallFilter.NONE.toQuery(HARLEY, LONDON, 500), Map.of(), redact, out,
                new ExportService.Origin("demo_harley_user", "Test", "Harley Street Dental Clinic", HARLEY, "test"), n -> { }, () -> false);
        return out;
    }

    @Test
    void aReviewedBundleHoldsTheSameCallsAndAnswersTheSameQueries() throws Exception {
        Path bundle = export("review.voxbundle", false);
        var review = ReviewDatabase.open(TestWorkspace.get(), bundle, n -> { });
        assertThat(ReviewDatabase.badge(review.verification().join())).isEqualTo("offline review · verified");
        try (ConsoleDatabase first = ConsoleDatabase.open(review.settings(), review.password(), "review-first")) {
            int atOnce = first.jdbi().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Integer.class).one());
            assertThat(atOnce).as("the newest calls are there at once, before the rest has loaded").isGreaterThanOrEqualTo(500);
        }
        review.rest().join();
        try (ConsoleDatabase db = ConsoleDatabase.open(review.settings(), review.password(), "review")) {
            var session = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow();
            assertThat(session.orgName()).isEqualTo("Harley Street Dental Clinic");
            assertThat(session.role()).as("a reviewer evaluates the calls (the window offers no other edit)").isEqualTo("manager");
            int calls = db.jdbi().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Integer.class).one());
            int original = TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from calls where org_id = :o").bind("o", HARLEY)
                    .mapTo(Integer.class).one());
            assertThat(calls).isEqualTo(original);
            String transcript = db.jdbi().withHandle(h -> h.createQuery("select transcript from calls where transcript is not null order by id limit 1")
                    .mapTo(String.class).one());
            UUID id = db.jdbi().withHandle(h -> h.createQuery("select id from calls where transcript is not null order by id limit 1").mapTo(UUID.class).one());
            String inDatabase = TestWorkspace.owner().withHandle(h -> h.createQuery("select transcript from calls where id = :id").bind("id", id)
                    .mapTo(String.class).one());
            assertThat(inDatabase).isEqualTo(transcript);

            var service = new CallLogService(db.jdbi());
            var refunds = service.page(CallFilter.NONE.withText("refund").toQuery(session.orgId(), LONDON, 50));
            assertThat(refunds).as("full-text search works offline").isNotEmpty();
            var overview = new SentimentService(db.jdbi()).overview(session.orgId(), SentimentPeriod.lastDays(30, TestWorkspace.ANCHOR.minusDays(1)), LONDON);
            assertThat(overview.mix()).isNotEmpty();
            int appointments = db.jdbi().withHandle(h -> h.createQuery("select count(*) from appointments").mapTo(Integer.class).one());
            assertThat(appointments).isPositive();
            // The signals are judged once the appointments are in: no booking shows as "not found" for want of them.
            var flagged = new com.voxanne.ops.signals.SignalService(db.jdbi()).flagged(session.orgId(), java.time.Instant.EPOCH,
                    java.time.Instant.parse("2100-01-01T00:00:00Z"), java.util.Set.of(), TestWorkspace.ANCHOR.atStartOfDay(LONDON).toInstant());
            assertThat(flagged).as("the review copy has its signals").isNotEmpty();
        }
        var reviewOwner = org.jdbi.v3.core.Jdbi.create(TestWorkspace.get().ownerDataSource(review.settings().jdbcUrl().replaceAll(".*/", "")));
        long notAsFound = reviewOwner.withHandle(h -> h.createQuery("""
                select count(*) from (select call_id, kind, evidence from voxconsole.signals_of(array(select id from public.calls))
                                      except select call_id, kind, evidence from voxconsole.call_signals) d""").mapTo(Long.class).one());
        assertThat(notAsFound).as("every signal the rules find in the review copy is kept").isZero();
        var loadedAt = TestWorkspace.get().ownerDataSource(review.settings().jdbcUrl().replaceAll(".*/", ""));
        java.time.OffsetDateTime firstLoad = org.jdbi.v3.core.Jdbi.create(loadedAt).withHandle(h -> h.createQuery(
                "select loaded_at from voxconsole.review_loaded").mapTo(java.time.OffsetDateTime.class).one());
        var again = ReviewDatabase.open(TestWorkspace.get(), bundle, n -> { });
        assertThat(again.settings()).isEqualTo(review.settings());
        assertThat(again.rest()).as("nothing left to load").isCompleted();
        java.time.OffsetDateTime secondLoad = org.jdbi.v3.core.Jdbi.create(loadedAt).withHandle(h -> h.createQuery(
                "select loaded_at from voxconsole.review_loaded").mapTo(java.time.OffsetDateTime.class).one());
        assertThat(secondLoad).as("reopening reuses the loaded database").isEqualTo(firstLoad);
        try (ConsoleDatabase db = ConsoleDatabase.open(again.settings(), again.password(), "review-again")) {
            assertThat(db.jdbi().onDemand(ProfileDao.class).session()).isPresent();
        }
    }

    @Test
    void aBundleCarriesItsFormsAndAnEvaluationMadeOfflineImportsToTheServerOnce() throws Exception {
        Path bundle = export("evaluate.voxbundle", false);
        var review = ReviewDatabase.open(TestWorkspace.get(), bundle, n -> { });
        review.rest().join();
        UUID evaluationId;
        try (ConsoleDatabase db = ConsoleDatabase.open(review.settings(), review.password(), "review-evaluate")) {
            var forms = new com.voxanne.ops.quality.ScorecardService(db.jdbi()).current();
            var onServer = new com.voxanne.ops.quality.ScorecardService(TestWorkspace.as("harley", "user").jdbi()).current();
            assertThat(forms).as("the bundle's forms, under their own ids").extracting(com.voxanne.ops.quality.Scorecard::versionId)
                    .containsExactlyElementsOf(onServer.stream().map(com.voxanne.ops.quality.Scorecard::versionId).toList());
            var form = forms.get(0);
            assertThat(form.questions()).isEqualTo(onServer.get(0).questions());
            UUID call = db.jdbi().withHandle(h -> h.createQuery("select id from calls where status = 'completed' order by created_at, id limit 1")
                    .mapTo(UUID.class).one());
            var queue = new com.voxanne.ops.quality.ReviewQueueService(db.jdbi());
            int calls = db.jdbi().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Integer.class).one());
            assertThat(queue.stats(TestWorkspace.ANCHOR, LONDON).waiting()).as("offline, every call of the bundle waits for review").isEqualTo(calls);
            assertThat(queue.waiting(null, calls)).as("each marked with its signals, or as in the bundle")
                    .anyMatch(i -> i.reasons().equals(java.util.List.of("bundle")))
                    .anyMatch(i -> i.reasons().stream().allMatch(r -> r.startsWith("signal:")));
            var evaluations = new com.voxanne.ops.quality.EvaluationService(db.jdbi());
            var draft = evaluations.start(call, form.versionId());
            evaluationId = draft.id();
            var answers = form.questions().stream().map(q -> com.voxanne.ops.quality.Answer.of(q.id(),
                    q.answerType() == com.voxanne.ops.quality.AnswerType.SCALE_1_5 ? 4 : q.answerType() == com.voxanne.ops.quality.AnswerType.CHOICE ? 0 : 1))
                    .toList();
            evaluations.comment(draft.id(), 0, "Offline: greeting fine.");
            var submitted = evaluations.submit(draft.id(), evaluations.find(draft.id()).orElseThrow().updatedAt(), answers);
            assertThat(submitted).isInstanceOf(com.voxanne.ops.db.SaveResult.Saved.class);
            double offlineScore = evaluations.find(draft.id()).orElseThrow().score();
            assertThat(queue.stats(TestWorkspace.ANCHOR, LONDON).waiting()).as("a submitted call leaves the queue").isEqualTo(calls - 1);
            assertThat(com.voxanne.ops.quality.OfflineReviewFile.keep(db.jdbi(), bundle,
                    InstallationKey.loadOrCreate(bundle.resolveSibling("reviewer-key")))).isEqualTo(1);

            var server = TestWorkspace.as("harley", "manager").jdbi();
            var signed = com.voxanne.ops.quality.OfflineEvaluations.read(bundle);
            var first = new com.voxanne.ops.quality.ReviewImport(server).run(signed);
            assertThat(first.summary()).isEqualTo("1 evaluation imported, 0 already there.");
            var imported = new com.voxanne.ops.quality.EvaluationService(server).find(evaluationId).orElseThrow();
            assertThat(imported.status()).isEqualTo("submitted");
            assertThat(imported.score()).as("the server scores it as the copy did").isEqualTo(offlineScore);
            assertThat(new com.voxanne.ops.quality.ReviewImport(server).run(signed).alreadyThere()).isEqualTo(1);
        } finally {
            TestWorkspace.owner().useHandle(h -> h.execute("delete from voxconsole.evaluations where id in "
                    + "(select id from voxconsole.evaluations where offline_signer like 'offline, key %')"));
        }
    }

    @Test
    void theBadgeSaysWhetherTheSignerIsATrustedKey() throws Exception {
        Path bundle = export("trust.voxbundle", false);
        InstallationKey exporter = InstallationKey.loadOrCreate(bundle.resolveSibling("key"));
        var trusted = ReviewDatabase.open(TestWorkspace.get(), bundle, java.util.Set.of(exporter.fingerprint()), n -> { });
        assertThat(ReviewDatabase.badge(trusted.verification().join())).isEqualTo("offline review · verified");
        trusted.rest().join();
        assertThat(ReviewDatabase.badge(ReviewDatabase.open(TestWorkspace.get(), bundle, java.util.Set.of("00:11:22"), n -> { })
                .verification().join())).isEqualTo("offline review · signed by an unknown key " + exporter.fingerprint());

        Files.writeString(bundle.resolveSibling("trusted-keys.txt"), "# Anna's laptop\n" + exporter.fingerprint().toUpperCase() + "  # QA\n\n");
        Path ownKey = bundle.resolveSibling("own-key");
        java.nio.file.Files.copy(bundle.resolveSibling("trusted-keys.txt"), ownKey.resolveSibling("trusted-keys.txt"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(InstallationKey.trustedFingerprints(ownKey))
                .containsExactlyInAnyOrder(InstallationKey.loadOrCreate(ownKey).fingerprint(), exporter.fingerprint());
    }

    @Test
    void redactedAndModifiedBundlesOpenTooAndSaySo() throws Exception {
        Path redacted = export("redacted.voxbundle", true);
        var review = ReviewDatabase.open(TestWorkspace.get(), redacted, n -> { });
        review.rest().join();
        try (ConsoleDatabase db = ConsoleDatabase.open(review.settings(), review.password(), "redacted")) {
            String phone = db.jdbi().withHandle(h -> h.createQuery("select phone from contacts limit 1").mapTo(String.class).one());
            assertThat(phone).contains("•");
        }
        Path modified = redacted.resolveSibling("modified.voxbundle");
        try (var in = new java.util.zip.ZipFile(redacted.toFile());
             var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(modified))) {
            for (var e : in.stream().toList()) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(BundleFormat.CALLS)) {
                    data = new String(data, java.nio.charset.StandardCharsets.UTF_8).replaceFirst("AGENT: ", "AGENT: (changed) ")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
        var modifiedReview = ReviewDatabase.open(TestWorkspace.get(), modified, n -> { });
        modifiedReview.rest().join();
        assertThat(ReviewDatabase.badge(modifiedReview.verification().join())).isEqualTo("offline review · modified");
        assertThat(modifiedReview.settings()).as("a changed file never reuses the load of the original").isNotEqualTo(review.settings());
        try (ConsoleDatabase db = ConsoleDatabase.open(modifiedReview.settings(), modifiedReview.password(), "modified")) {
            int changed = db.jdbi().withHandle(h -> h.createQuery("select count(*) from calls where transcript like '%AGENT: (changed) %'")
                    .mapTo(Integer.class).one());
            assertThat(changed).as("what is shown is what the file holds").isEqualTo(1);
        }
    }
}
