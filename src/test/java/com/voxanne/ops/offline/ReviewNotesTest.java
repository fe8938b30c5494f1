package com.voxanne.ops.offline;

import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.bundle.BundleFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.cli.CommandLineRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reviewer notes: beside the bundle and never in it, never lost on a failed save, exported as CSV. */
class ReviewNotesTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static Path original;
    private static List<UUID> calls;

    @BeforeAll
    static void exportABundle() throws Exception {
        Path dir = TestWorkspace.root().resolve("notes-" + UUID.randomUUID());
        InstallationKey key = InstallationKey.loadOrCreate(dir.resolve("key"));
        original = dir.resolve("negative.voxbundle");
        new ExportService(TestWorkspace.as("harley", "user").jdbi(), key).export(
                CallFilter.NONE.withSentimentLabels(Set.of("negative")).toQuery(HARLEY, ZoneId.of("Europe/London"), 500), Map.of(), false,
                original, new ExportService.Origin("demo_harley_user", "T", "Harley Street Dental Clinic", HARLEY, "test"), n -> { }, () -> false);
        try (ZipFile zip = new ZipFile(original.toFile())) {
            String lines = new String(zip.getInputStream(zip.getEntry(BundleFormat.CALLS)).readAllBytes(), StandardCharsets.UTF_8);
            calls = lines.lines().map(l -> UUID.fromString(l.substring(7, 43))).toList();
        }
        assertThat(calls).hasSizeGreaterThan(3);
    }

    /** Each test gets its own copy of the bundle, so notes files never meet. */
    private static Path bundle() throws Exception {
        Path dir = original.resolveSibling("copy-" + UUID.randomUUID());
        Files.createDirectories(dir);
        return Files.copy(original, dir.resolve("negative.voxbundle"));
    }

    @Test
    void notesAreSavedBesideTheBundleWhichStaysVerified() throws Exception {
        Path bundle = bundle();
        byte[] before = Files.readAllBytes(bundle);
        ReviewNotes notes = ReviewNotes.load(bundle);
        notes.save(calls.get(0), "  Caller asked for a refund twice; agent did not escalate.  ");
        notes.save(calls.get(1), "=HYPERLINK(\"http://evil\") follow up");
        notes.save(calls.get(2), "temporary");
        notes.save(calls.get(2), "   ");

        assertThat(ReviewNotes.besideBundle(bundle)).exists().hasFileName("negative.voxbundle.notes.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ReviewNotes.besideBundle(bundle)))).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(bundle)).as("the signed bundle is never touched").isEqualTo(before);
        assertThat(BundleVerifier.verify(bundle, Set.of()).status()).isEqualTo(BundleVerifier.Status.VERIFIED);

        ReviewNotes reloaded = ReviewNotes.load(bundle);
        assertThat(reloaded.size()).as("a blank note removes it").isEqualTo(2);
        assertThat(reloaded.note(calls.get(0)).orElseThrow().text()).isEqualTo("Caller asked for a refund twice; agent did not escalate.");
        assertThat(reloaded.note(calls.get(2))).isEmpty();
        try (var dir = Files.list(bundle.getParent())) {
            assertThat(dir.map(p -> p.getFileName().toString())).as("no temporary files left")
                    .containsExactlyInAnyOrder("negative.voxbundle", "negative.voxbundle.notes.json");
        }
    }

    @Test
    void notesExportAsCsvWithTheirCallsAndNoFormulas() throws Exception {
        Path bundle = bundle();
        ReviewNotes notes = ReviewNotes.load(bundle);
        notes.save(calls.get(1), "=HYPERLINK(\"http://evil\") follow up");
        notes.save(calls.get(0), "Line one\nline two, with a comma");
        Path csv = bundle.resolveSibling("out/notes.csv");
        assertThat(notes.exportCsv(csv)).isEqualTo(2);

        String text = Files.readString(csv);
        assertThat(text).startsWith("\"call_id\",\"call_time\",\"direction\",\"caller\"");
        assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\") follow up\"").contains("\"Line one\nline two, with a comma\"");
        String rowOfFirst = text.substring(text.indexOf(calls.get(0).toString()));
        assertThat(rowOfFirst).as("the call's time comes from the bundle").matches("(?s)" + calls.get(0) + "\",\"20\\d\\d-.*");
        assertThat(csv.getParent().toFile().list()).containsExactly("notes.csv");
    }

    @Test
    void aFailedCsvExportLeavesNoHalfFile() throws Exception {
        Path bundle = bundle();
        ReviewNotes notes = ReviewNotes.load(bundle);
        notes.save(calls.get(0), "note");
        Path taken = bundle.resolveSibling("taken.csv");
        Files.createDirectories(taken.resolve("inside"));
        assertThatThrownBy(() -> notes.exportCsv(taken)).isInstanceOf(UserFacingException.class).hasMessageContaining("could not be exported");
        try (var dir = Files.list(bundle.getParent())) {
            assertThat(dir.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aDamagedNotesFileIsReportedAndKept() throws Exception {
        Path bundle = bundle();
        Files.writeString(ReviewNotes.besideBundle(bundle), "{ not json");
        assertThatThrownBy(() -> ReviewNotes.load(bundle)).isInstanceOf(UserFacingException.class)
                .hasMessage("The notes file negative.voxbundle.notes.json is damaged; move it away to start new notes.");
        assertThat(Files.readString(ReviewNotes.besideBundle(bundle))).isEqualTo("{ not json");
    }

    @Test
    void aFailedSaveKeepsTheTypedNoteAndMovingOnNeverDropsIt() throws Exception {
        Path bundle = bundle();
        ReviewNotesViewModel model = new ReviewNotesViewModel(bundle, Runnable::run, Runnable::run, ZoneId.of("UTC"));
        model.start();
        assertThat(model.readyProperty().get()).isTrue();
        model.show(calls.get(0));
        // Something stands where the notes file goes: every save fails until it is moved away.
        Path obstacle = ReviewNotes.besideBundle(bundle);
        Files.createDirectories(obstacle.resolve("in-the-way"));

        model.textProperty().set("Agent promised a callback that never happened.");
        model.save();
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.statusProperty().get()).startsWith("The note could not be saved beside the bundle");
        assertThat(model.textProperty().get()).isEqualTo("Agent promised a callback that never happened.");
        assertThat(model.dirtyProperty().get()).isTrue();

        model.show(calls.get(1));
        assertThat(model.statusProperty().get()).startsWith("The note on the previous call was not saved; it is kept");
        assertThat(model.textProperty().get()).isEmpty();
        model.show(calls.get(0));
        assertThat(model.textProperty().get()).as("the draft comes back").isEqualTo("Agent promised a callback that never happened.");
        assertThat(model.failedProperty().get()).isTrue();

        Files.delete(obstacle.resolve("in-the-way"));
        Files.delete(obstacle);
        model.save();
        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.statusProperty().get()).matches("Saved .* beside the bundle\\.");
        assertThat(model.dirtyProperty().get()).isFalse();
        assertThat(model.countProperty().get()).isEqualTo(1);

        model.textProperty().set("Second thoughts.");
        model.show(calls.get(2));
        assertThat(ReviewNotes.load(bundle).note(calls.get(0)).orElseThrow().text()).as("moving on saves the note").isEqualTo("Second thoughts.");
    }

    @Test
    void theCommandLineExportsNotesAndSaysWhenThereAreNone() throws Exception {
        Path bundle = bundle();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = CommandLineRunner.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path csv = bundle.resolveSibling("cli.csv");
        assertThat(cli.execute("notes", bundle.toString(), "--csv", csv.toString())).isEqualTo(CommandLineRunner.EXIT_FAILED);
        assertThat(err.toString()).isEqualTo("There are no notes beside negative.voxbundle (expected negative.voxbundle.notes.json)." + System.lineSeparator());
        assertThat(csv).doesNotExist();

        ReviewNotes.load(bundle).save(calls.get(3), "Escalate to QA.");
        assertThat(cli.execute("notes", bundle.toString(), "--csv", csv.toString())).isZero();
        assertThat(out.toString()).startsWith("Exported 1 note to ");
        assertThat(Files.readAllLines(csv)).hasSize(2);
    }

    @Test
    void aTrustedSignerIsRememberedWithWhoseKeyItIs() throws Exception {
        Path dir = original.resolveSibling("trust-" + UUID.randomUUID());
        Path ownKey = dir.resolve("installation-key");
        InstallationKey exporter = InstallationKey.loadOrCreate(original.resolveSibling("key"));
        var verification = BundleVerifier.verify(original, Set.of(InstallationKey.loadOrCreate(ownKey).fingerprint()));
        assertThat(ReviewedBundle.unknownSigner(verification)).contains(exporter.fingerprint());

        SignerTrustViewModel model = SignerTrustViewModel.of(verification, ownKey, Runnable::run, Runnable::run);
        assertThat(model.sentence()).contains(exporter.fingerprint()).contains("T (demo_harley_user) of Harley Street Dental Clinic");
        model.trust();
        assertThat(model.trustedProperty().get()).isTrue();
        assertThat(InstallationKey.trustedFingerprints(ownKey)).contains(exporter.fingerprint());
        assertThat(BundleVerifier.verify(original, InstallationKey.trustedFingerprints(ownKey)).status()).isEqualTo(BundleVerifier.Status.VERIFIED);
        assertThat(Files.readString(dir.resolve("trusted-keys.txt"))).contains(exporter.fingerprint() + "  # trusted when reviewing a bundle exported by T");
        assertThatThrownBy(() -> InstallationKey.trust(ownKey, "00:11; rm -rf /", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
