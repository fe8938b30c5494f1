package com.voxanne.ops.cli;

import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.files.AppDirectories;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `db start`: runs the embedded demo server in the foreground until interrupted. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "The embedded demo database.",
        subcommands = DbCommand.Start.class)
final class DbCommand {

    @Command(name = "start", mixinStandardHelpOptions = true,
            description = {"Starts the embedded PostgreSQL 17 demo server (creating, migrating and seeding it on first use),",
                "prints READY <jdbc-url> and one LOGIN line per demo login, and runs until interrupted."})
    static final class Start implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--data", paramLabel = "DIR", description = "Workspace folder (default: the per-user data folder).")
        Path data;

        @Option(names = "--port", paramLabel = "N", description = "Port on 127.0.0.1 (default: a free one).")
        int port;

        @Option(names = "--calls", paramLabel = "N", description = "Calls to generate when the workspace is new (default: ${DEFAULT-VALUE}).",
                defaultValue = "" + DemoOptions.DEFAULT_CALLS)
        int calls;

        @Option(names = "--seed", paramLabel = "S", description = "Random seed of the demo data (default: ${DEFAULT-VALUE}).",
                defaultValue = "" + DemoOptions.DEFAULT_SEED)
        long seed;

        @Option(names = "--live", description = "Simulate a live floor: a new call every few seconds, for consoles to watch.")
        boolean live;

        @Override
        public Integer call() throws InterruptedException {
            if (port < 0 || port > 65_535) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "The port must be between 1 and 65535.");
            }
            if (calls < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "The number of calls cannot be negative.");
            }
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path dir = data != null ? data : AppDirectories.forCurrentUser().workspace();
            DemoOptions demo = new DemoOptions(seed, calls, LocalDate.now(ZoneOffset.UTC));
            EmbeddedServer workspace = EmbeddedServer.start(dir, port, demo, n -> {
                if (n % 10_000 == 0 || n == calls) {
                    err.printf("seeding: %,d of %,d calls%n", n, calls);
                    err.flush();
                }
            });
            var traffic = live ? com.voxanne.ops.demo.DemoTraffic.start(workspace.ownerDataSource(), java.time.Duration.ofSeconds(5)) : null;
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (traffic != null) {
                    traffic.close();
                }
                workspace.close();
                stopped.countDown();
            }, "voxconsole-db-stop"));
            out.println("READY " + workspace.jdbcUrl());
            for (var login : workspace.demoLogins()) {
                out.println("LOGIN " + login.loginRole() + " " + login.password() + " " + quoteIfSpaced(login.organization()) + " " + login.role());
            }
            out.flush();
            stopped.await();
            return 0;
        }

        private static String quoteIfSpaced(String s) {
            return s.contains(" ") ? "\"" + s + "\"" : s;
        }
    }
}
