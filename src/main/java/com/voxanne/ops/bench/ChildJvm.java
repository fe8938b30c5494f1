package com.voxanne.ops.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs part of the suite in a JVM of its own, on this program's class path: where a heap limit or
 * a resident-set size is what is measured, or a whole console start. Linux and macOS; the
 * console's window needs a display (one Xvfb server is started for all runs when there is none).
 */
final class ChildJvm {

    record Result(int exitCode, String output, long peakRssMb) {
        String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines.length == 0 ? "" : lines[lines.length - 1];
        }
    }

    private static Process xvfb;
    private static String display;

    private ChildJvm() {
    }

    static Result run(List<String> jvmOptions, String mainClass, List<String> args, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
        reader.start();
        long peakKb = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (p.isAlive() && System.nanoTime() < deadline) {
            peakKb = Math.max(peakKb, rssKb(p.pid()));
            p.waitFor(100, TimeUnit.MILLISECONDS);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
        }
        reader.join(5_000);
        synchronized (output) {
            return new Result(p.exitValue(), output.toString(), peakKb / 1024);
        }
    }

    /** The resident set of a process in kB, from /proc (0 where there is none). */
    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone, or no /proc here.
        }
        return 0;
    }

    static boolean canShowWindows() {
        return System.getenv("DISPLAY") != null || onPath("Xvfb");
    }

    /**
     * Starts the console, signed in to {@code url} as {@code login}, and returns the milliseconds
     * from starting its JVM until it reached {@code milestone}; then ends it.
     */
    static double consoleTo(String milestone, String url, String login, String password, Path home) throws IOException, InterruptedException {
        Path status = Files.createTempFile("voxconsole-status", ".txt");
        Files.delete(status);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms64m", "-XX:+UseSerialGC",
                "-Dprism.order=es2,sw", "-cp", System.getProperty("java.class.path"), "com.voxanne.ops.app.Launcher");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = pb.environment();
        env.put("DISPLAY", display());
        env.put("VOXCONSOLE_HOME", home.toString());
        env.put("VOXCONSOLE_STATUS_FILE", status.toString());
        env.put("VOXCONSOLE_SIGNIN_URL", url);
        env.put("VOXCONSOLE_SIGNIN_LOGIN", login);
        env.put("PGPASSWORD", password);
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (Files.exists(status) && Files.readString(status).lines().anyMatch(l -> l.startsWith(milestone + " "))) {
                    return (System.nanoTime() - t0) / 1e6;
                }
                Thread.sleep(10);
            }
            throw new IOException("The console did not reach '" + milestone + "' (exit " + (p.isAlive() ? "none" : p.exitValue()) + ").");
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            Files.deleteIfExists(status);
        }
    }

    /** The display child windows open on: the session's, or an Xvfb this run starts (and stops at its end). */
    static synchronized String display() throws IOException, InterruptedException {
        if (System.getenv("DISPLAY") != null) {
            return System.getenv("DISPLAY");
        }
        if (xvfb == null) {
            display = ":" + (90 + ProcessHandle.current().pid() % 9);
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(xvfb::destroy));
            Thread.sleep(500);
        }
        return display;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
