package com.voxanne.ops.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs `voxconsole ARGS` in a fresh JVM, as a shell would, and keeps exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Map<String, String> env, String stdin, String... args) throws IOException, InterruptedException {
        return runWithJvmOptions(List.of(), env, stdin, args);
    }

    /** As {@link #run(Map, String, String...)}, with JVM options such as a heap limit. */
    static CliRun runWithJvmOptions(List<String> jvmOptions, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.voxanne.ops.app.Launcher"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PGPASSWORD");
        pb.environment().putAll(env);
        pb.environment().putIfAbsent("VOXCONSOLE_HOME", System.getProperty("voxconsole.test.dir", "target/test-workspace") + "/cli-home");
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("voxconsole " + String.join(" ", args) + " did not finish");
        }
        return new CliRun(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static CliRun run(String... args) throws IOException, InterruptedException {
        return run(Map.of(), null, args);
    }

    /** The lines a person sees on stderr (log lines from libraries excluded). */
    List<String> errLines() {
        return err.lines().filter(l -> !l.isBlank()).toList();
    }
}
