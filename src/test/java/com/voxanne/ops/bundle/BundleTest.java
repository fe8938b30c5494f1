package com.voxanne.ops.bundle;

import com.voxanne.ops.export.Redactor;
import com.voxanne.ops.export.ExportService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Export, verify and tamper: what leaves the database, and proof that nobody changed it since. */
class BundleTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static InstallationKey key;
    private static Path dir;
    private static Path plain;

    @BeforeAll
    static void export() throws Exception {
        dir = TestWorkspace.root().resolve("bundles-" + UUID.randomUUID());
        key = InstallationKey.loadOrCreate(dir.resolve("key"));
        plain = exportTo("all.voxbundle", CallFilter.NONE, false);
    }

    private static Path exportTo(String name, CallFilter filter, boolean redact) {
        Jdbi manager = TestWorkspace.as("harley", "manager").jdbi();
        Path out = dir.resolve(name);
        new ExportService(manager, key).export(filter.toQuery(HARLEY, ZoneId.of("Europe/London"), 500), Map.of("test", name), redact, out,
                new ExportService.Origin("demo_harley_manager", "Test", "Harley Street Dental Clinic", HARLEY, "test"), n -> { }, () -> false);
        return out;
    }

    @Test
    void aFreshBundleIsIntactAndHoldsExactlyTheOrganizationsCallsAndTranscripts() throws Exception {
        var result = BundleVerifier.verify(plain, Set.of(key.fingerprint()));
        assertThat(result.status()).as(result.sentence()).isEqualTo(BundleVerifier.Status.VERIFIED);
        Map<UUID, String> expected = new LinkedHashMap<>();
        TestWorkspace.owner().useHandle(h -> h.createQuery("select id, coalesce(transcript, '') from calls where org_id = :o")
                .bind("o", HARLEY).map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).forEach(e -> expected.put(e.getKey(), e.getValue())));
        Map<UUID, String> exported = new LinkedHashMap<>();
        for (JsonNode call : lines(plain, BundleFormat.CALLS)) {
            exported.put(UUID.fromString(call.get("id").asText()), call.get("transcript").isNull() ? "" : call.get("transcript").asText());
            if (!call.get("transcript").isNull()) {
                assertThat(call.get("turns").size()).isEqualTo(call.get("transcript").asText().split("\n").length);
            }
        }
        assertThat(exported).as("row-level security let exactly the organization's calls out").isEqualTo(expected);
        Set<UUID> ownContacts = new HashSet<>(TestWorkspace.owner().withHandle(h -> h.createQuery("select id from contacts where org_id = :o")
                .bind("o", HARLEY).mapTo(UUID.class).list()));
        assertThat(lines(plain, BundleFormat.CONTACTS)).isNotEmpty().allMatch(c -> ownContacts.contains(UUID.fromString(c.get("id").asText())));
        assertThat(lines(plain, BundleFormat.APPOINTMENTS)).isNotEmpty();
        assertThat(lines(plain, BundleFormat.TRACKING)).isNotEmpty();
        try (ZipFile zip = new ZipFile(plain.toFile())) {
            String csv = new String(zip.getInputStream(zip.getEntry(BundleFormat.CALLS_CSV)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(csv.lines().count()).isEqualTo(expected.size() + 1);
            assertThat(zip.stream().map(ZipEntry::getName)).doesNotContain("org_credentials.jsonl");
            String everything = zip.stream().map(e -> read(zip, e)).reduce("", String::concat);
            assertThat(everything).doesNotContain("demo_google_calendar_").doesNotContain("secret_ciphertext");
        }
        int audited = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select count(*) from voxconsole.audit_trail where action = 'export' and actor_login = 'demo_harley_manager'
                        and org_id = :o and (details ->> 'rows')::int = :n""").bind("o", HARLEY).bind("n", expected.size()).mapTo(Integer.class).one());
        assertThat(audited).as("the export is in the audit log").isPositive();
    }

    @Test
    void everyKindOfTamperingIsDetectedAndNamed() throws Exception {
        Path edited = rewrite("edited", e -> e.getKey().equals(BundleFormat.CALLS)
                ? Map.entry(e.getKey(), new String(e.getValue(), StandardCharsets.UTF_8).replaceFirst("AGENT: ", "AGENT: (edited) ").getBytes(StandardCharsets.UTF_8))
                : e);
        assertThat(BundleVerifier.verify(edited, Set.of()).sentence()).isEqualTo("The bundle was modified: the entry calls.jsonl was changed.");

        Path removed = rewrite("removed", e -> e.getKey().equals(BundleFormat.APPOINTMENTS) ? null : e);
        var missing = BundleVerifier.verify(removed, Set.of());
        assertThat(missing.status()).isEqualTo(BundleVerifier.Status.MODIFIED);
        assertThat(missing.sentence()).contains("the entry appointments.jsonl is missing");

        Path other = exportTo("other.voxbundle", CallFilter.NONE.withSentimentLabels(Set.of("negative")), false);
        byte[] otherManifest = entry(other, BundleFormat.MANIFEST);
        Path swapped = rewrite("swapped", e -> e.getKey().equals(BundleFormat.MANIFEST) ? Map.entry(e.getKey(), otherManifest) : e);
        assertThat(BundleVerifier.verify(swapped, Set.of()).status()).isEqualTo(BundleVerifier.Status.MODIFIED);

        // An attacker who edits the content, recomputes the digests and signs with their own key: caught by pinning.
        InstallationKey attacker = InstallationKey.loadOrCreate(dir.resolve("attacker-key"));
        Path resigned = resign(edited, attacker);
        assertThat(BundleVerifier.verify(resigned, Set.of()).status()).as("signature matches its own key").isEqualTo(BundleVerifier.Status.VERIFIED);
        var pinned = BundleVerifier.verify(resigned, Set.of(key.fingerprint()));
        assertThat(pinned.status()).isEqualTo(BundleVerifier.Status.UNTRUSTED);
        assertThat(pinned.sentence()).contains(attacker.fingerprint());

        Path unsigned = rewrite("unsigned", e -> e.getKey().equals(BundleFormat.SIGNATURE) ? null : e);
        assertThat(BundleVerifier.verify(unsigned, Set.of()).status()).isEqualTo(BundleVerifier.Status.UNSIGNED);

        Path garbage = dir.resolve("garbage.voxbundle");
        Files.writeString(garbage, "not a zip");
        assertThat(BundleVerifier.verify(garbage, Set.of()).status()).isEqualTo(BundleVerifier.Status.UNREADABLE);
        assertThat(BundleVerifier.Status.UNREADABLE.exitCode).isEqualTo(2);
        assertThat(BundleVerifier.Status.MODIFIED.exitCode).isEqualTo(3);
    }

    @Test
    void redactionMasksPhonesEmailsAndCardNumbersAndSaysSo() throws Exception {
        Path redacted = exportTo("redacted.voxbundle", CallFilter.NONE, true);
        assertThat(BundleVerifier.verify(redacted, Set.of()).manifest().get("redacted").asBoolean()).isTrue();
        for (String entry : List.of(BundleFormat.CALLS, BundleFormat.CONTACTS, BundleFormat.CALLS_CSV)) {
            String text = new String(entry(redacted, entry), StandardCharsets.UTF_8);
            assertThat(text).as(entry).doesNotContainPattern("\\+44\\d{6,}").doesNotContainPattern("[A-Za-z0-9.]+@[A-Za-z0-9-]+\\.example");
        }
        assertThat(Redactor.text("Card 4111 1111 1111 1111, call me on 07700 900123 or +44 20 7946 0000, mail jo.smith@clinic.co.uk"))
                .isEqualTo("Card [card number], call me on [phone] or [phone], mail [email]");
        assertThat(Redactor.phone("+447700900123")).isEqualTo("+44•••••••123");
        assertThat(Redactor.text("Appointment on 27 November at 12:30 pm, room 101")).as("dates and times are not phone numbers")
                .isEqualTo("Appointment on 27 November at 12:30 pm, room 101");
    }

    @Test
    void aCancelledExportLeavesNoFileBehind() throws Exception {
        Path out = dir.resolve("cancelled.voxbundle");
        Set<String> before = Set.copyOf(list(dir));
        Jdbi manager = TestWorkspace.as("harley", "manager").jdbi();
        int[] pages = {0};
        CallLogQuery all = CallFilter.NONE.toQuery(HARLEY, ZoneId.of("Europe/London"), 500);
        assertThatThrownBy(() -> new ExportService(manager, key).export(all, Map.of(), false, out,
                new ExportService.Origin("x", "x", "x", HARLEY, "x"), n -> { }, () -> pages[0]++ >= 1))
                .isInstanceOf(CancellationException.class);
        assertThat(out).doesNotExist();
        assertThat(list(dir)).containsExactlyInAnyOrderElementsOf(before);
    }

    // Helpers -------------------------------------------------------------------------------------

    private static List<JsonNode> lines(Path bundle, String entry) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : new String(entry(bundle, entry), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    private static byte[] entry(Path bundle, String name) throws IOException {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return zip.getInputStream(zip.getEntry(name)).readAllBytes();
        }
    }

    private static String read(ZipFile zip, ZipEntry e) {
        try {
            return new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    private static List<String> list(Path d) throws IOException {
        try (var s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Copies the plain bundle, changing or dropping (null) entries. */
    private static Path rewrite(String name, UnaryOperator<Map.Entry<String, byte[]>> change) throws IOException {
        Path out = dir.resolve(name + ".voxbundle");
        try (ZipFile zip = new ZipFile(plain.toFile()); ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : zip.stream().toList()) {
                var changed = change.apply(Map.entry(e.getName(), zip.getInputStream(e).readAllBytes()));
                if (changed != null) {
                    z.putNextEntry(new ZipEntry(changed.getKey()));
                    z.write(changed.getValue());
                    z.closeEntry();
                }
            }
        }
        return out;
    }

    /** Recomputes every digest of a bundle and signs the new manifest with another key. */
    private static Path resign(Path bundle, InstallationKey signer) throws IOException {
        Path out = dir.resolve("resigned.voxbundle");
        try (ZipFile zip = new ZipFile(bundle.toFile()); OutputStream file = Files.newOutputStream(out); ZipOutputStream z = new ZipOutputStream(file)) {
            var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(zip.getInputStream(zip.getEntry(BundleFormat.MANIFEST)));
            for (JsonNode e : manifest.get("entries")) {
                byte[] data = zip.getInputStream(zip.getEntry(e.get("name").asText())).readAllBytes();
                ((com.fasterxml.jackson.databind.node.ObjectNode) e).put("sha256", java.util.HexFormat.of().formatHex(BundleWriter.sha256().digest(data)));
                z.putNextEntry(new ZipEntry(e.get("name").asText()));
                z.write(data);
                z.closeEntry();
            }
            manifest.put("publicKey", signer.publicKeyBase64());
            byte[] bytes = JSON.writeValueAsBytes(manifest);
            z.putNextEntry(new ZipEntry(BundleFormat.MANIFEST));
            z.write(bytes);
            z.closeEntry();
            z.putNextEntry(new ZipEntry(BundleFormat.SIGNATURE));
            z.write(Base64.getEncoder().encode(signer.sign(bytes)));
            z.closeEntry();
        }
        return out;
    }
}
