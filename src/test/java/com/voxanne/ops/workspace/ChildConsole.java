package com.voxanne.ops.workspace;

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
    private final List<String> output = new ArrayList<>();
    private final CompletableFuture<String> ready = new CompletableFuture<>();

    private ChildConsole(Process process) {
        this.process = process;
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
        command.addAll(List.of("-cp", classPath, "com.voxanne.ops.Launcher", "db", "start", "--data", data.toString(), "--calls", "300"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("VOXCONSOLE_HOME", home.toString());
        return new ChildConsole(pb.start());
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

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill9();
        }
    }
}
