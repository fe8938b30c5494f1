package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.files.AppDirectories;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `export`: writes the calls of a filter to a signed .voxbundle, under the person's own login. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Exports calls (with transcripts, contacts, appointments and tracking) to a signed .voxbundle file.",
            "Runs as --user, so row-level security decides what leaves; the export is recorded in the console's audit trail."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The bundle to write (.voxbundle).")
    Path out;

    @Option(names = "--redact", description = "Mask phone numbers, e-mail addresses and card-like digit runs.")
    boolean redact;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (local).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day (local, inclusive).")
    LocalDate to;

    @Option(names = "--direction", paramLabel = "D", description = "inbound or outbound (repeatable).")
    List<String> directions = List.of();

    @Option(names = "--status", paramLabel = "S", description = "pending, in_progress, completed or failed (repeatable).")
    List<String> statuses = List.of();

    @Option(names = "--sentiment", paramLabel = "L", description = "positive, neutral or negative (repeatable).")
    List<String> sentiments = List.of();

    @Option(names = "--urgency", paramLabel = "U", description = "low, medium, high or critical (repeatable).")
    List<String> urgencies = List.of();

    @Option(names = "--search", paramLabel = "TEXT", description = "Full-text search over transcripts and summaries.")
    String search;

    @Override
    public Integer call() throws IOException {
        var settings = server.settings();
        char[] password = PasswordSource.forUser(settings.user());
        if (!out.getFileName().toString().endsWith(".voxbundle")) {
            throw new UserFacingException("A bundle file name ends in .voxbundle, for example calls.voxbundle.");
        }
        var key = InstallationKey.loadOrCreate(AppDirectories.forCurrentUser().data().resolve("installation-key"));
        ZoneId zone = ZoneId.systemDefault();
        CallFilter filter = CallFilter.NONE.between(from, to).withDirections(Set.copyOf(directions)).withStatuses(Set.copyOf(statuses))
                .withSentimentLabels(Set.copyOf(sentiments)).withUrgencies(Set.copyOf(urgencies)).withText(search);
        var err = spec.commandLine().getErr();
        try (ConsoleDatabase db = ConsoleDatabase.open(settings, password, "export")) {
            var session = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow(() -> new UserFacingException(
                    "The login " + settings.user() + " has no active profile in the console, so it cannot export."));
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("from", from == null ? null : from.toString());
            description.put("to", to == null ? null : to.toString());
            description.put("directions", directions);
            description.put("statuses", statuses);
            description.put("sentiments", sentiments);
            description.put("urgencies", urgencies);
            description.put("search", search);
            description.put("timeZone", zone.getId());
            long started = System.nanoTime();
            var result = new ExportService(db.jdbi(), key).export(filter.toQuery(session.orgId(), zone, 500), description, redact, out,
                    new ExportService.Origin(session.loginRole(), session.fullName(), session.orgName(), session.orgId(), settings.redactedUrl()),
                    n -> {
                        if (n % 10_000 == 0 && n > 0) {
                            double seconds = (System.nanoTime() - started) / 1e9;
                            err.printf("exported %,d calls (%,.0f calls/s)%n", n, n / seconds);
                            err.flush();
                        }
                    }, () -> false);
            spec.commandLine().getOut().printf("Exported %,d calls, %,d contacts, %,d appointments and %,d tracking rows to %s%s in %.1f s.%n",
                    result.calls(), result.contacts(), result.appointments(), result.trackingRows(), out, redact ? " (redacted)" : "",
                    (System.nanoTime() - started) / 1e9);
            spec.commandLine().getOut().println("Signed by key " + key.fingerprint() + "; SHA-256 " + result.sha256() + ".");
        }
        return 0;
    }
}
