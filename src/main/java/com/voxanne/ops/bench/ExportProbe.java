package com.voxanne.ops.bench;

import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.records.ProfileDao;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Run in a JVM of its own (with the heap limit the suite sets) by the suite: exports the calls since
 * a day twice, as a console does when a supervisor exports again, and prints how long each took.
 * The first runs on a cold JVM (what `voxconsole export` sees), the second on a warm one (the
 * running console). Args: URL, login, from-day, output file; the password from PGPASSWORD.
 */
public final class ExportProbe {

    private ExportProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[3]);
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(args[0], args[1]), System.getenv("PGPASSWORD").toCharArray(),
                "export-probe")) {
            var session = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow();
            var key = InstallationKey.loadOrCreate(out.resolveSibling("bench-installation-key"));
            ZoneId zone = ZoneId.of("Europe/London");
            var query = CallFilter.NONE.between(LocalDate.parse(args[2]), null).toQuery(session.orgId(), zone, 500);
            var origin = new ExportService.Origin(session.loginRole(), session.fullName(), session.orgName(), session.orgId(), "bench");
            for (String run : new String[] {"COLD", "WARM"}) {
                Files.deleteIfExists(out);
                long t0 = System.nanoTime();
                var result = new ExportService(db.jdbi(), key).export(query, Map.of("from", args[2]), false, out, origin, n -> { }, () -> false);
                System.out.printf("%s EXPORTED %d SECONDS %.3f BYTES %d%n", run, result.calls(), (System.nanoTime() - t0) / 1e9, Files.size(out));
            }
        }
    }
}
