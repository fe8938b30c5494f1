package com.voxanne.ops.embedded;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** `voxconsole db start` in its own JVM, as a person would run it, so tests can kill it for real. */
final class ChildConsole implements AutoCloseable {

    private final Process process;
    private final Path data;
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ChildConsole(Process process, Path data) {
        this.process = process;
        this.data = data;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    if (line.startsWith("READY ")) {
                        ready.complete(line.substring("READY ".length()));
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
            ready.completeExceptionally(new IllegalStateException("the console ended without READY: " + lines()));
        }, "child-console-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts `db start` with {@code prefix} before java (e.g. setpriv to drop root), on the given class path. */
    static ChildConsole start(Path data, List<String> prefix, String classPath, Path home) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", classPath, "com.voxanne.ops.app.Launcher", "db", "start", "--data", data.toString(), "--calls", "300"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VOXCONSOLE_HOME", home.toString());
        return new ChildConsole(pb.start(), data);
    }

    static ChildConsole start(Path data) throws IOException {
        return start(data, List.of(), System.getProperty("java.class.path"), data.resolveSibling(data.getFileName() + "-home"));
    }

    /** The JDBC URL once the server is up. */
    String awaitReady() throws Exception {
        return ready.get(180, TimeUnit.SECONDS);
    }

    /** The LOGIN lines (role, password, organization, app role), waiting until {@code expected} have arrived. */
    List<String> loginLines(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<String> logins;
        do {
            logins = lines().stream().filter(l -> l.startsWith("LOGIN ")).toList();
            if (logins.size() >= expected) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return logins;
    }

    List<String> lines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    int stopGracefully() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process.exitValue();
    }

    static String pathSeparator() {
        return File.pathSeparator;
    }

    /**
     * Ends the child and whatever server it left: a console stopped gracefully stops its server
     * itself; one killed (by a test, or here when it would not stop) leaves an orphaned postmaster,
     * which is stopped through its pid file so the test run leaves nothing running.
     */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill9();
            }
        }
        stopOrphanedServer(data.resolve("pgdata"));
    }

    static void stopOrphanedServer(Path pgdata) throws InterruptedException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        long pid;
        try {
            if (!java.nio.file.Files.exists(pidFile)) {
                return;
            }
            pid = Long.parseLong(java.nio.file.Files.readAllLines(pidFile).get(0).strip());
        } catch (IOException | RuntimeException e) {
            return;
        }
        var postmaster = ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        // SIGTERM is PostgreSQL's smart shutdown; its clients are gone, so it stops at once.
        postmaster.get().destroy();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            postmaster.get().destroyForcibly();
        }
    }
}
