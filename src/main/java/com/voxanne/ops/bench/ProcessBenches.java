package com.voxanne.ops.bench;

import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.offline.ReviewDatabase;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;

/**
 * The benchmarks of whole processes rather than queries: an export in a JVM limited to 256 MB,
 * opening the bundle offline, the console's cold start and its memory after a long scroll. Each
 * runs in a child JVM (or a fresh review database), so the suite's own warm state does not flatter it.
 */
final class ProcessBenches {

    private final BenchLog log;
    private final Path directory;

    ProcessBenches(BenchLog log, Path directory) {
        this.log = log;
        this.directory = directory;
    }

    // Export and offline review -------------------------------------------------------------------

    Path export(EmbeddedServer ws, String login, String password, UUID org, Jdbi owner) throws Exception {
        long wanted = 100_000;
        LocalDate from = owner.withHandle(h -> h.createQuery(
                        "select created_at from calls where org_id = :o order by created_at desc offset :n limit 1")
                .bind("o", org).bind("n", wanted - 1).mapTo(Instant.class).findOne()
                .map(i -> i.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1)).orElse(LocalDate.of(2000, 1, 1)));
        Path bundle = directory.resolve("bench.voxbundle");
        Files.deleteIfExists(bundle);
        log.say("Export of the calls since %s to a bundle, twice, in a JVM limited to 256 MB of heap …", from);
        ChildJvm.Result r = ChildJvm.run(List.of("-Xmx256m"), ExportProbe.class.getName(),
                List.of(ws.jdbcUrl(), login, from.toString(), bundle.toString()), Map.of("PGPASSWORD", password), 600);
        var cold = java.util.regex.Pattern.compile("COLD EXPORTED (\\d+) SECONDS ([\\d.]+)").matcher(r.output());
        var warm = java.util.regex.Pattern.compile("WARM EXPORTED (\\d+) SECONDS ([\\d.]+) BYTES (\\d+)").matcher(r.output());
        if (r.exitCode() != 0 || !cold.find() || !warm.find()) {
            log.add(new Outcome("Export of ~100,000 calls to a bundle", "calls/s", Timing.of(0), null, "", Double.NaN,
                    ">= 20,000 calls/s, heap <= 256 MB", false, "failed: " + r.lastLine()));
            return null;
        }
        long exported = Long.parseLong(warm.group(1));
        double rate = exported / Double.parseDouble(warm.group(2));
        double coldRate = Long.parseLong(cold.group(1)) / Double.parseDouble(cold.group(2));
        log.add(new Outcome(String.format("Export of %,d calls with transcripts to a bundle (-Xmx256m)", exported), "calls/s", Timing.of(rate),
                Timing.of(coldRate), "the same on a just-started JVM (voxconsole export)", Double.NaN, ">= 20,000 calls/s, heap <= 256 MB",
                rate >= 20_000, String.format("%s s from a running console; %,d MB bundle; peak RSS %,d MB", warm.group(2),
                        Long.parseLong(warm.group(3)) >> 20, r.peakRssMb())));
        return bundle;
    }

    void openBundle(EmbeddedServer ws, Path bundle) throws Exception {
        log.say("Opening the bundle for offline review, to its first page, 1 + 5 runs …");
        // The first opening on an installation also makes the migrated template every review
        // database is cloned from; that happens once, so it is reported but not measured with the rest.
        double once = openBundleOnce(ws, bundle);
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            ms[i] = openBundleOnce(ws, bundle);
        }
        Timing t = Timing.of(ms);
        log.add(new Outcome("Opening that bundle offline, to the first page", "ms", t, null, "", Double.NaN, "<= 1,500 ms", t.p95() <= 1_500,
                String.format("a first opening of the bundle each run (its review database is dropped in between); the installation's "
                        + "very first opening, which also makes the schema template, took %,.0f ms", once)));
    }

    private static double openBundleOnce(EmbeddedServer ws, Path bundle) throws Exception {
        long t0 = System.nanoTime();
        var review = ReviewDatabase.open(ws, bundle, n -> { });
        double ms;
        try (ConsoleDatabase db = ConsoleDatabase.open(review.settings(), review.password(), "bench-review")) {
            UUID org = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow().orgId();
            new CallLogService(db.jdbi()).page(CallLogQuery.firstPage(org, 100));
            ms = (System.nanoTime() - t0) / 1e6;
        }
        review.rest().get(10, TimeUnit.MINUTES);
        review.verification().get(10, TimeUnit.MINUTES);
        String database = review.settings().jdbcUrl().substring(review.settings().jdbcUrl().lastIndexOf('/') + 1);
        Jdbi.create(ws.ownerDataSource("postgres")).useHandle(h -> h.execute("drop database " + database + " with (force)"));
        return ms;
    }

    // The console process -------------------------------------------------------------------------

    void coldStart(EmbeddedServer ws, String login, String password) throws Exception {
        if (!ChildJvm.canShowWindows()) {
            log.add(new Outcome("Console cold start to first call-log page", "ms", Timing.of(0), null, "", Double.NaN, "<= 2,500 ms", false,
                    "skipped: needs a display or xvfb-run"));
            return;
        }
        log.say("Console start to its first call-log page (signed in to this server), 1 + 5 runs …");
        double[] ms = new double[5];
        for (int i = -1; i < ms.length; i++) {
            double t = ChildJvm.consoleTo("calls", ws.jdbcUrl(), login, password, directory.resolve("console-home"));
            if (i >= 0) {
                ms[i] = t;
            }
        }
        Timing t = Timing.of(ms);
        log.add(new Outcome("Console cold start to first call-log page (warm OS cache)", "ms", t, null, "", Double.NaN, "<= 2,500 ms",
                t.p95() <= 2_500, "new JVM each run: window, sign-in, first page"));
    }

    void memory(EmbeddedServer ws, String login, String password) throws Exception {
        log.say("Memory after scrolling through 100,000 call-log rows …");
        ChildJvm.Result r = ChildJvm.run(List.of("-Xms64m", "-XX:+UseSerialGC"), ScrollProbe.class.getName(),
                List.of(ws.jdbcUrl(), login, "100000"), Map.of("PGPASSWORD", password), 600);
        var m = java.util.regex.Pattern.compile("SCROLLED (\\d+) RSS_KB (\\d+) HEAP_KB (\\d+)").matcher(r.output());
        if (!m.find()) {
            log.add(new Outcome("Memory after scrolling 100,000 rows", "MB", Timing.of(0), null, "", Double.NaN, "RSS <= 400 MB", false,
                    "failed: " + r.lastLine()));
            return;
        }
        double rss = Long.parseLong(m.group(2)) / 1024.0;
        log.add(new Outcome(String.format("Memory after scrolling %,d call-log rows (RSS)", Long.parseLong(m.group(1))), "MB", Timing.of(rss), null,
                "", Double.NaN, "RSS <= 400 MB", rss <= 400,
                String.format("heap in use %,d MB; the view model's window, no window on screen", Long.parseLong(m.group(3)) / 1024)));
    }

    // A long call (issue 15) ----------------------------------------------------------------------

    /**
     * A two-hour call of 2,000 turns in the transcript view, beside a short call of 20 turns, each in
     * a new JVM with a window: time to the first turn on screen, to find a word, and to show the
     * hit, and the resident set of the process.
     */
    void longCall() throws Exception {
        if (!ChildJvm.canShowWindows()) {
            log.add(new Outcome("Two-hour call (2,000 turns): first turn on screen", "ms", Timing.of(0), null, "", Double.NaN,
                    "<= 500 ms", false, "skipped: needs a display or xvfb-run"));
            return;
        }
        log.say("A two-hour call of 2,000 turns in the transcript view, beside a call of 20 turns …");
        var probe = java.util.regex.Pattern.compile(
                "LONGCALL turns (\\d+) chars (\\d+) first_ms ([\\d.]+) find_ms ([\\d.]+) hit_ms ([\\d.]+) matches (\\d+) heap_kb (\\d+)");
        double[][] figures = new double[2][];
        long[] peakMb = new long[2];
        int[] turns = {2_000, 20};
        for (int i = 0; i < 2; i++) {
            ChildJvm.Result r = ChildJvm.run(List.of("-Xms64m", "-XX:+UseSerialGC", "-Dprism.order=es2,sw"),
                    "com.voxanne.ops.calls.LongCallProbe", List.of(Integer.toString(turns[i])), Map.of("DISPLAY", ChildJvm.display()), 180);
            var m = probe.matcher(r.output());
            if (!m.find()) {
                log.add(new Outcome("Two-hour call (2,000 turns): first turn on screen", "ms", Timing.of(0), null, "", Double.NaN, "<= 500 ms",
                        false, "failed: " + r.lastLine()));
                return;
            }
            figures[i] = new double[] {Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)),
                    Long.parseLong(m.group(2))};
            peakMb[i] = r.peakRssMb();
        }
        double[] longCall = figures[0];
        double[] shortCall = figures[1];
        log.add(new Outcome(String.format("Two-hour call (2,000 turns, %,.0f KB): first turn on screen", longCall[3] / 1024), "ms",
                Timing.of(longCall[0]), Timing.of(shortCall[0]), "a call of 20 turns", longCall[0] / Math.max(0.1, shortCall[0]), "<= 500 ms",
                longCall[0] <= 500, "parse, then a virtualized list: cells only for what is on screen"));
        log.add(new Outcome("Two-hour call: find \"refund\" in the text", "ms", Timing.of(longCall[1]), Timing.of(shortCall[1]),
                "a call of 20 turns", longCall[1] / Math.max(0.01, shortCall[1]), "<= 50 ms", longCall[1] <= 50,
                "on the text, off the JavaFX thread"));
        log.add(new Outcome("Two-hour call: a hit shown in the view (median of 5 finds)", "ms", Timing.of(longCall[2]), Timing.of(shortCall[2]),
                "a call of 20 turns", longCall[2] / Math.max(0.1, shortCall[2]), "<= 250 ms", longCall[2] <= 250, "scrolls to the hit's turn"));
        log.add(new Outcome("Two-hour call: the process's peak resident set", "MB", Timing.of(peakMb[0]), Timing.of(peakMb[1]),
                "a call of 20 turns", (double) peakMb[0] / Math.max(1, peakMb[1]), "within 50 MB of the short call",
                peakMb[0] - peakMb[1] <= 50, "a JVM with one window and the transcript view only"));
    }
}
