package com.voxanne.ops.cli;

import com.voxanne.ops.db.OwnerDataSource;
import com.voxanne.ops.demo.DemoDataGenerator;
import com.voxanne.ops.demo.DemoOptions;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `seed`: fills an empty, migrated database with deterministic demo data. */
@Command(name = "seed", mixinStandardHelpOptions = true,
        description = "Fills an empty, migrated database with demo data (same seed and anchor day: same data).")
final class SeedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Option(names = "--calls", required = true, paramLabel = "N", description = "How many calls to generate.")
    int calls;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + DemoOptions.DEFAULT_SEED, description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--anchor", paramLabel = "YYYY-MM-DD", description = "The day the generated history ends (default: today, UTC).")
    LocalDate anchor;

    @Override
    public Integer call() {
        if (calls < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "The number of calls cannot be negative.");
        }
        var settings = server.settings();
        var ds = OwnerDataSource.open(settings, PasswordSource.forUser(settings.user()));
        var options = new DemoOptions(seed, calls, anchor != null ? anchor : LocalDate.now(ZoneOffset.UTC));
        var err = spec.commandLine().getErr();
        long started = System.nanoTime();
        var logins = new DemoDataGenerator(options)
                .onProgress(n -> {
                    if (n % 10_000 == 0 || n == calls) {
                        err.printf("seeding: %,d of %,d calls%n", n, calls);
                        err.flush();
                    }
                })
                .generate(Jdbi.create(ds));
        var out = spec.commandLine().getOut();
        out.printf("Seeded %,d calls in %.1f s.%n", calls, (System.nanoTime() - started) / 1e9);
        out.println("Profiles ready for 'voxconsole user add': "
                + String.join(", ", logins.stream().map(l -> l.email() + " (" + l.role() + ")").toList()));
        return 0;
    }
}
