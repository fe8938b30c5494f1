package com.voxanne.ops.pooler;

import com.voxanne.ops.TestWorkspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Debian's PgBouncer in front of the test run's embedded server, with its default settings but
 * the pool mode: SCRAM logins from an auth file holding the server's own SCRAM secrets (so
 * PgBouncer passes the client's SCRAM proof on to the server). PgBouncer will not run as root,
 * so it runs as nobody through setpriv; closing stops it and waits for it to end.
 */
final class PgBouncer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path dir;

    private PgBouncer(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    static boolean installed() {
        return Files.isExecutable(Path.of("/usr/sbin/pgbouncer"));
    }

    /** @param poolMode "session" or "transaction" */
    static PgBouncer start(String poolMode, Map<String, String> scramSecrets) {
        try {
            int port = TestWorkspace.freePort();
            // Outside the test folder, which is private to root: PgBouncer runs as nobody and reads its files.
            Path dir = Files.createTempDirectory("voxconsole-pgbouncer-" + poolMode + "-");
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            StringBuilder users = new StringBuilder();
            scramSecrets.forEach((user, secret) -> users.append('"').append(user).append("\" \"").append(secret).append("\"\n"));
            Files.writeString(dir.resolve("users.txt"), users.toString());
            Files.writeString(dir.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "voxanne = host=127.0.0.1 port=" + TestWorkspace.get().port() + " dbname=voxanne",
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = scram-sha-256",
                    "auth_file = " + dir.resolve("users.txt"),
                    "pool_mode = " + poolMode,
                    // Its log goes to stderr, which the test keeps in stdout.txt.
                    "logfile =",
                    "pidfile =",
                    ""));
            for (String f : List.of("users.txt", "pgbouncer.ini")) {
                Files.setPosixFilePermissions(dir.resolve(f), PosixFilePermissions.fromString("rw-r--r--"));
            }
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
            command.addAll(List.of("/usr/sbin/pgbouncer", dir.resolve("pgbouncer.ini").toString()));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
            PgBouncer bouncer = new PgBouncer(process, port, dir);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer ended at once: " + Files.readString(dir.resolve("stdout.txt")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("PgBouncer did not listen on " + port);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/voxanne";
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("stdout.txt"));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
