package com.voxanne.ops.offline;

import com.voxanne.ops.bundle.BundleRows;
import com.voxanne.ops.bundle.BundleContentException;
import com.voxanne.ops.bundle.BundleFormat;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleWriter;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.export.ExportService;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile bundles: thousands of mutations of a valid one (truncation, bit flips, overwritten and
 * duplicated ranges), hand-made archives (zip-slip names, duplicate entries, symlinks, bombs by
 * ratio and by count, deep and huge manifests, wrong types), hostile lines for the loader (wrong
 * types, deep JSON, huge lines, NUL, bad times), and a few re-signed ones loaded for real. Each is
 * rejected in one sentence or is provably the same bundle; none hangs, none writes outside its
 * folder. {@code -Dvoxconsole.fuzz.seed=N} repeats a run.
 */
class BundleFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final long SEED = Long.getLong("voxconsole.fuzz.seed", System.nanoTime());
    private static final int BYTE_CASES = 5_000;
    private static final int LINE_CASES = 3_000;
    private static final AtomicLong TRIED = new AtomicLong();
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    private static Path dir;
    private static InstallationKey key;
    private static InstallationKey attacker;
    private static byte[] valid;
    private static Map<String, byte[]> original;

    @BeforeAll
    static void export() throws Exception {
        dir = TestWorkspace.root().resolve("fuzz-" + UUID.randomUUID());
        key = InstallationKey.loadOrCreate(dir.resolve("key"));
        attacker = InstallationKey.loadOrCreate(dir.resolve("attacker-key"));
        Path out = dir.resolve("valid.voxbundle");
        new ExportService(TestWorkspace.as("harley", "manager").jdbi(), key).export(
                CallFilter.NONE.withSentimentLabels(Set.of("negative")).toQuery(HARLEY, ZoneId.of("Europe/London"), 500), Map.of(), false, out,
                new ExportService.Origin("demo_harley_manager", "Test", "Harley Street Dental Clinic", HARLEY, "fuzz"), n -> { }, () -> false);
        valid = Files.readAllBytes(out);
        original = entries(out);
        System.out.printf("bundle fuzz: seed %d, a valid bundle of %,d bytes with %d entries%n", SEED, valid.length, original.size());
    }

    @AfterAll
    static void report() {
        System.out.printf("bundle fuzz: %,d hostile bundles and lines tried (seed %d)%n", TRIED.get(), SEED);
    }

    @Test
    void mutatedBytesAreRejectedInOneSentenceOrAreProvablyTheSameBundle() throws Exception {
        Random random = new Random(SEED);
        Map<BundleVerifier.Status, Integer> outcomes = new EnumMap<>(BundleVerifier.Status.class);
        Path file = dir.resolve("mutant.voxbundle");
        long started = System.nanoTime();
        for (int i = 0; i < BYTE_CASES; i++) {
            byte[] mutant = mutate(valid, random);
            Files.write(file, mutant);
            String label = "byte case " + i;
            BundleVerifier.Verification v = withinTime(label, () -> check(file));
            outcomes.merge(v.status(), 1, Integer::sum);
            if (v.status() == BundleVerifier.Status.VERIFIED) {
                Map<String, byte[]> read = entries(file);
                if (!read.keySet().stream().allMatch(name -> java.util.Arrays.equals(read.get(name), original.get(name)))) {
                    // Kept for whoever reads the failure: compare the two with cmp -l and unzip -t.
                    Files.copy(file, dir.resolve("failed-case.voxbundle"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.write(dir.resolve("original.voxbundle"), valid);
                    System.out.println("bundle fuzz: the failing case and its original are in " + dir);
                }
                assertThat(read.keySet()).as(label).isEqualTo(original.keySet());
                assertThat(read.keySet()).as("%s passed as verified, so its content must be the original's", label)
                        .allMatch(name -> java.util.Arrays.equals(read.get(name), original.get(name)));
            }
        }
        System.out.printf("bundle fuzz: %,d mutated files in %.1f s: %s%n", BYTE_CASES, (System.nanoTime() - started) / 1e9, outcomes);
        assertThat(outcomes.getOrDefault(BundleVerifier.Status.MODIFIED, 0) + outcomes.getOrDefault(BundleVerifier.Status.UNREADABLE, 0))
                .as("most mutations break the bundle").isGreaterThan(BYTE_CASES / 2);
    }

    @Test
    void craftedArchivesAreRejectedInOneSentence() throws Exception {
        Map<String, byte[]> crafted = new LinkedHashMap<>();
        for (String evil : List.of("../evil.jsonl", "../../../../tmp/voxconsole-evil", "/tmp/voxconsole-evil", "sub/calls.jsonl",
                "..\\evil.jsonl", "C:evil.jsonl", "calls.jsonl\u0000.txt", "CALLS.JSONL", "calls.jsonl/")) {
            Map<String, byte[]> entries = new LinkedHashMap<>(original);
            entries.put(evil, "{}\n".getBytes(StandardCharsets.UTF_8));
            crafted.put("zip-slip " + evil.replace("\u0000", "\\0"), zip(entries, Deflater.DEFAULT_COMPRESSION));
        }
        // Two entries of one name: written under a same-length stand-in, then renamed in the archive's own bytes.
        Map<String, byte[]> twice = new LinkedHashMap<>(original);
        twice.put("calls.jsonX", "{\"id\": \"forged\"}\n".getBytes(StandardCharsets.UTF_8));
        crafted.put("duplicate calls.jsonl", replaceAll(zip(twice, Deflater.DEFAULT_COMPRESSION), "calls.jsonX", "calls.jsonl"));
        Map<String, byte[]> many = new LinkedHashMap<>(original);
        for (int i = 0; i < 20_000; i++) {
            many.put("e" + i + ".json", new byte[0]);
        }
        crafted.put("bomb by count (20,000 entries)", zip(many, Deflater.BEST_SPEED));
        crafted.put("bomb by ratio (a manifest of 200 MB)", bomb(BundleFormat.MANIFEST, 200));
        crafted.put("bomb by ratio (calls.jsonl of 200 MB)", bomb(BundleFormat.CALLS, 200));
        crafted.put("manifest nested 100,000 deep", withManifest("[".repeat(100_000)));
        crafted.put("manifest of 2 MB", withManifest("{\"format\": \"voxbundle\", \"pad\": \"" + "x".repeat(2 << 20) + "\"}"));
        crafted.put("manifest not JSON", withManifest("\u0000\u0001garbage"));
        for (String change : List.of("format=5", "format=[]", "formatVersion=\"x\"", "formatVersion=99", "entries=\"x\"", "entries={}",
                "entries=[{\"name\": {}}]", "entries=[{\"name\": \"../../etc/passwd\", \"sha256\": 1}]", "publicKey=\"!!\"", "publicKey=42",
                "entries=[{\"name\": \"calls.jsonl\"}, {\"name\": \"calls.jsonl\"}]")) {
            crafted.put("manifest " + change, withManifest(manifestWith(change)));
        }
        crafted.put("entries listed 30,000 times", withManifest(manifestWith("entries=[" + String.join(",",
                java.util.Collections.nCopies(30_000, "{\"name\": \"calls.jsonl\", \"sha256\": \"0\"}")) + "]")));
        crafted.put("symlink calls.jsonl → /etc/passwd", symlink(BundleFormat.CALLS, "/etc/passwd"));
        crafted.put("empty file", new byte[0]);
        crafted.put("not a zip", "PK\u0003\u0004 but nothing else".getBytes(StandardCharsets.ISO_8859_1));

        List<String> report = new ArrayList<>();
        for (var c : crafted.entrySet()) {
            Path file = dir.resolve("crafted.voxbundle");
            Files.write(file, c.getValue());
            BundleVerifier.Verification v = withinTime(c.getKey(), () -> check(file));
            if (c.getKey().startsWith("symlink")) {
                // Nothing is ever unpacked, so a link is only bytes: here the link's target text, which changes calls.jsonl.
                assertThat(v.status()).as(c.getKey()).isEqualTo(BundleVerifier.Status.MODIFIED);
            } else {
                assertThat(v.status()).as("%s: %s", c.getKey(), v.sentence()).isNotEqualTo(BundleVerifier.Status.VERIFIED);
            }
            report.add(c.getKey() + " → " + v.sentence());
        }
        report.forEach(r -> System.out.println("bundle fuzz: " + r));
        assertNothingEscaped();
    }

    @Test
    void hostileLinesNeverBreakTheLoadersParser() throws Exception {
        Random random = new Random(SEED + 1);
        Map<String, List<String>> columns = Map.of(BundleFormat.CALLS, ReviewDatabase.CALL_COLUMNS, BundleFormat.CONTACTS,
                ReviewDatabase.CONTACT_COLUMNS, BundleFormat.APPOINTMENTS, ReviewDatabase.APPOINTMENT_COLUMNS);
        List<String> names = List.copyOf(new TreeMap<>(columns).keySet());
        int refused = 0;
        for (int i = 0; i < LINE_CASES; i++) {
            String entry = names.get(random.nextInt(names.size()));
            List<String> lines = new String(original.get(entry), StandardCharsets.UTF_8).lines().toList();
            String hostile = hostileLine(lines.get(random.nextInt(lines.size())), random);
            String text = String.join("\n", lines.subList(0, Math.min(3, lines.size()))) + "\n" + hostile + "\n";
            TRIED.incrementAndGet();
            BundleRows rows = new BundleRows(new StringReader(text), entry, columns.get(entry));
            try {
                while (rows.next() != null) {
                    // Every cell is plain: text, a finite number or boolean, a time, or null.
                }
            } catch (BundleContentException e) {
                refused++;
                assertThat(e.getMessage()).as("case %d", i).matches("line \\d+ of " + java.util.regex.Pattern.quote(entry) + " [^\\n]{5,120}");
            } catch (RuntimeException e) {
                fail("case " + i + " broke the parser with " + e + " on: " + abbreviate(hostile));
            }
        }
        System.out.printf("bundle fuzz: %,d hostile lines, %,d refused in one clause, the rest read as plain values%n", LINE_CASES, refused);
        assertThat(refused).isGreaterThan(LINE_CASES / 3);
    }

    @Test
    void reSignedHostileBundlesFailToLoadInOneSentenceAndLeaveNothingBehind() throws Exception {
        String oneCall = new String(original.get(BundleFormat.CALLS), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        Map<String, Map<String, byte[]>> cases = new LinkedHashMap<>();
        cases.put("a call twice", Map.of(BundleFormat.CALLS, (oneCall + "\n" + oneCall + "\n").getBytes(StandardCharsets.UTF_8)));
        cases.put("an id that is no id", Map.of(BundleFormat.CALLS, withField(oneCall, "id", "x'); drop table calls; --")));
        cases.put("a NUL in a transcript", Map.of(BundleFormat.CALLS, withField(oneCall, "transcript", "AGENT: \u0000hello")));
        cases.put("JSON nested 10,000 deep", Map.of(BundleFormat.CALLS, ("[".repeat(10_000) + "\n").getBytes(StandardCharsets.UTF_8)));
        // Random letters, so the line is long without being a ZIP bomb as well.
        Random letters = new Random(SEED);
        String longName = letters.ints(6 << 20, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        cases.put("a 6 MB line", Map.of(BundleFormat.CONTACTS, ("{\"first_name\": \"" + longName + "\"}\n").getBytes(StandardCharsets.UTF_8)));
        cases.put("an appointment with no time", Map.of(BundleFormat.APPOINTMENTS,
                "{\"id\": \"00000000-0000-0000-0000-000000000001\", \"scheduled_at\": \"tomorrow\"}\n".getBytes(StandardCharsets.UTF_8)));
        cases.put("a symlink to /etc/passwd as calls", Map.of(BundleFormat.CALLS, "/etc/passwd".getBytes(StandardCharsets.UTF_8)));
        for (var c : cases.entrySet()) {
            Map<String, byte[]> entries = new LinkedHashMap<>(original);
            entries.putAll(c.getValue());
            Path file = dir.resolve("resigned-" + cases.keySet().stream().toList().indexOf(c.getKey()) + ".voxbundle");
            Files.write(file, signed(entries, attacker));
            assertThat(BundleVerifier.verify(file, Set.of(attacker.fingerprint())).status()).as("%s is signed as its attacker trusts", c.getKey())
                    .isEqualTo(BundleVerifier.Status.VERIFIED);
            String sentence = withinTime(c.getKey(), () -> loadFailure(file));
            System.out.println("bundle fuzz: re-signed " + c.getKey() + " → " + sentence);
            assertThat(sentence).as(c.getKey()).matches("The (rest of the )?bundle could not be loaded for review: [^\\n]{5,200}\\.");
            TRIED.incrementAndGet();
        }
        assertThat(TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Long.class).one()).longValue())
                .as("the workspace's own database is untouched").isPositive();
        assertNothingEscaped();
    }

    // The checks ----------------------------------------------------------------------------------

    /** What the console does with a file: the quick structural open, then the full check. Only a sentence may come out. */
    private static BundleVerifier.Verification check(Path file) {
        TRIED.incrementAndGet();
        try {
            BundleVerifier.open(file);
        } catch (UserFacingException e) {
            assertSentence(e.getMessage());
        }
        BundleVerifier.Verification v = BundleVerifier.verify(file, Set.of(key.fingerprint()));
        assertSentence(v.sentence());
        return v;
    }

    private static String loadFailure(Path file) {
        try {
            ReviewDatabase.Review review = ReviewDatabase.open(TestWorkspace.get(), file, Set.of(attacker.fingerprint()), n -> { });
            review.rest().join();
            return "loaded";
        } catch (UserFacingException e) {
            return e.getMessage();
        } catch (java.util.concurrent.CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(UserFacingException.class);
            return e.getCause().getMessage();
        }
    }

    private static void assertSentence(String s) {
        assertThat(s).isNotBlank().doesNotContain("\n").endsWith(".").hasSizeLessThan(400);
    }

    private static <T> T withinTime(String label, java.util.concurrent.Callable<T> work) throws Exception {
        Future<T> f = RUNNER.submit(work);
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new AssertionError(label + " did not finish in 30 s");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(label + ": " + e.getCause(), e.getCause());
        }
    }

    /** No case made a file outside the test's own folder (zip-slip targets, COPY or lo_export to /tmp). */
    private static void assertNothingEscaped() throws IOException {
        try (var tmp = Files.list(Path.of("/tmp"))) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("voxconsole-evil"));
        }
        try (var around = Files.list(dir.getParent())) {
            assertThat(around.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("evil"));
        }
    }

    // Mutations -----------------------------------------------------------------------------------

    private static byte[] mutate(byte[] in, Random r) {
        byte[] out = in.clone();
        switch (r.nextInt(6)) {
            case 0 -> out = java.util.Arrays.copyOf(in, r.nextInt(in.length));
            case 1 -> {
                for (int i = 0, n = 1 + r.nextInt(16); i < n; i++) {
                    int at = r.nextInt(out.length);
                    out[at] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 2 -> {
                int at = r.nextInt(out.length);
                int len = Math.min(out.length - at, 1 + r.nextInt(64));
                byte fill = (byte) (r.nextBoolean() ? 0xFF : r.nextInt(256));
                java.util.Arrays.fill(out, at, at + len, fill);
            }
            case 3 -> {
                // A range copied over another: headers and sizes that point at the wrong place.
                int from = r.nextInt(out.length);
                int to = r.nextInt(out.length);
                int len = Math.min(Math.min(out.length - from, out.length - to), 1 + r.nextInt(512));
                System.arraycopy(in, from, out, to, len);
            }
            case 4 -> {
                // The last kilobyte (the central directory) is where sizes, offsets and names live.
                int at = Math.max(0, out.length - 1 - r.nextInt(Math.min(1024, out.length)));
                out[at] = (byte) r.nextInt(256);
            }
            default -> {
                // Random bytes inserted: everything after them is where no header says it is.
                int at = r.nextInt(out.length);
                byte[] inserted = new byte[1 + r.nextInt(4096)];
                r.nextBytes(inserted);
                byte[] grown = new byte[out.length + inserted.length];
                System.arraycopy(out, 0, grown, 0, at);
                System.arraycopy(inserted, 0, grown, at, inserted.length);
                System.arraycopy(out, at, grown, at + inserted.length, out.length - at);
                out = grown;
            }
        }
        return out;
    }

    private static String hostileLine(String line, Random r) throws IOException {
        ObjectNode row = (ObjectNode) JSON.readTree(line);
        List<String> fields = new ArrayList<>();
        row.fieldNames().forEachRemaining(fields::add);
        String field = fields.get(r.nextInt(fields.size()));
        switch (r.nextInt(12)) {
            case 0 -> row.set(field, JSON.createObjectNode().put("nested", "value"));
            case 1 -> row.set(field, JSON.createArrayNode().add(1).add("two"));
            case 2 -> row.put(field, new java.math.BigDecimal("1e400"));
            case 3 -> row.put(field, r.nextBoolean() ? "not a time" : "2026-13-45T25:61:00Z");
            case 4 -> row.put(field, "a\u0000b");
            case 5 -> row.put(field, "\"'\\;--" + "\u202e\uFEFF\uD83D\uDE00".repeat(r.nextInt(4)));
            case 6 -> {
                return "[".repeat(50 + r.nextInt(5000)) + "]".repeat(r.nextInt(10));
            }
            case 7 -> {
                String s = JSON.writeValueAsString(row);
                return s.substring(0, r.nextInt(s.length()));
            }
            case 8 -> {
                return List.of("[]", "42", "\"text\"", "null", "true", "{", "}", "{\"a\":}", "\u0000").get(r.nextInt(9));
            }
            case 9 -> {
                byte[] junk = new byte[1 + r.nextInt(200)];
                r.nextBytes(junk);
                return new String(junk, StandardCharsets.ISO_8859_1).replace('\n', ' ');
            }
            case 10 -> row.put(field, r.nextInt(3) == 0 ? Long.MIN_VALUE : r.nextInt());
            default -> row.put(field, "x".repeat(r.nextInt(100_000)));
        }
        return JSON.writeValueAsString(row);
    }

    // Archives ------------------------------------------------------------------------------------

    private static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                out.put(e.getName(), zip.getInputStream(e).readAllBytes());
            }
        }
        return out;
    }

    private static byte[] zip(Map<String, byte[]> entries, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(level);
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A valid bundle whose entry {@code name} inflates to {@code megabytes} of repeated lines. */
    private static byte[] bomb(String name, int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            for (var e : original.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(name)) {
                    byte[] block = "{\"id\": null}\n".repeat(80_000).getBytes(StandardCharsets.UTF_8);
                    for (long written = 0; written < (long) megabytes << 20; written += block.length) {
                        z.write(block);
                    }
                } else {
                    z.write(e.getValue());
                }
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] withManifest(String manifest) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        entries.put(BundleFormat.MANIFEST, manifest.getBytes(StandardCharsets.UTF_8));
        return zip(entries, Deflater.DEFAULT_COMPRESSION);
    }

    /** The valid manifest with one field set to raw JSON: "field=json". */
    private static String manifestWith(String change) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(original.get(BundleFormat.MANIFEST));
        int eq = change.indexOf('=');
        manifest.set(change.substring(0, eq), JSON.readTree(change.substring(eq + 1)));
        return JSON.writeValueAsString(manifest);
    }

    /** The valid bundle with {@code name} stored as a Unix symbolic link to {@code target}. */
    private static byte[] symlink(String name, String target) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(original);
        entries.put(name, target.getBytes(StandardCharsets.UTF_8));
        byte[] zip = zip(entries, Deflater.NO_COMPRESSION);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 < zip.length; at++) {
            boolean central = zip[at] == 0x50 && zip[at + 1] == 0x4b && zip[at + 2] == 0x01 && zip[at + 3] == 0x02;
            if (central && (zip[at + 28] & 0xFF) == wanted.length
                    && java.util.Arrays.equals(zip, at + 46, at + 46 + wanted.length, wanted, 0, wanted.length)) {
                zip[at + 5] = 3; // made by: Unix
                int mode = 0xA1FF; // S_IFLNK | 0777
                zip[at + 40] = (byte) mode;
                zip[at + 41] = (byte) (mode >> 8);
            }
        }
        return zip;
    }

    private static byte[] replaceAll(byte[] data, String from, String to) {
        byte[] f = from.getBytes(StandardCharsets.UTF_8);
        byte[] t = to.getBytes(StandardCharsets.UTF_8);
        byte[] out = data.clone();
        for (int i = 0; i + f.length <= out.length; i++) {
            if (java.util.Arrays.equals(out, i, i + f.length, f, 0, f.length)) {
                System.arraycopy(t, 0, out, i, t.length);
            }
        }
        return out;
    }

    /** The entries with a fresh manifest of their digests, signed by {@code signer}: what an attacker with their own key makes. */
    private static byte[] signed(Map<String, byte[]> entries, InstallationKey signer) throws IOException {
        ObjectNode manifest = (ObjectNode) JSON.readTree(entries.get(BundleFormat.MANIFEST));
        for (JsonNode e : manifest.get("entries")) {
            byte[] data = entries.get(e.get("name").asText());
            ((ObjectNode) e).put("sha256", HexFormat.of().formatHex(BundleWriter.sha256().digest(data)));
        }
        manifest.put("publicKey", signer.publicKeyBase64());
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        Map<String, byte[]> out = new LinkedHashMap<>(entries);
        out.put(BundleFormat.MANIFEST, manifestBytes);
        out.put(BundleFormat.SIGNATURE, Base64.getEncoder().encode(signer.sign(manifestBytes)));
        return zip(out, Deflater.BEST_SPEED);
    }

    private static byte[] withField(String line, String field, String value) throws IOException {
        ObjectNode row = (ObjectNode) JSON.readTree(line);
        row.put(field, value);
        return (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
