package com.voxanne.ops.cli;

import com.voxanne.ops.bench.BenchReport;
import com.voxanne.ops.bench.BenchSuite;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `bench`: the performance suite of docs/PERFORMANCE.md, on a new embedded server it removes afterwards. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the console's scenarios beside the ways other tools do them, on a new embedded server.",
            "It seeds the server and measures through a console login under row-level security. Prints a table and writes it as JSON.",
            "Takes minutes."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--calls", paramLabel = "N", defaultValue = "1000000", description = "Calls to seed (default: ${DEFAULT-VALUE}).")
    int calls;

    @Option(names = "--orgs", paramLabel = "N", defaultValue = "20", description = "Organizations; the largest holds a third (default: ${DEFAULT-VALUE}).")
    int organizations;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "200", description = "Timed runs per scenario (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-results.json", description = "Where the JSON goes (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--data", paramLabel = "DIR", description = "Folder for the server (default: a new temporary one, removed afterwards).")
    Path data;

    @Override
    public Integer call() throws Exception {
        if (calls < 10_000 || organizations < 1 || runs < 5) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "The suite needs at least 10,000 calls, one organization and 5 runs.");
        }
        if (data != null && isNonEmptyFolder(data)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "The folder " + data + " is not empty: the suite needs a new one.");
        }
        Path dir = data != null ? data : Files.createTempDirectory("voxconsole-bench");
        PrintWriter out = spec.commandLine().getOut();
        BenchSuite suite = new BenchSuite(new BenchSuite.Settings(calls, organizations, dir, runs, Math.max(3, runs / 10)), out);
        try {
            suite.run();
        } finally {
            if (data == null) {
                deleteTree(dir);
            }
        }
        out.println();
        BenchReport.table(suite.outcomes(), out);
        BenchReport.json(suite.outcomes(), suite.facts(), json);
        out.println();
        out.println("Written to " + json.toAbsolutePath() + ".");
        return 0;
    }

    private static boolean isNonEmptyFolder(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
