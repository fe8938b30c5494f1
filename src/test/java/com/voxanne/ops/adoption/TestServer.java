package com.voxanne.ops.adoption;

import com.voxanne.ops.TestWorkspace;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A throwaway PostgreSQL server for one test class: zonky's embedded one, or Debian's packaged one. */
interface TestServer extends AutoCloseable {

    int port();

    Optional<Path> binaries();

    @Override
    void close();

    /** zonky's embedded server (PostgreSQL 17 from Maven Central; as root it runs under unshare -U). */
    record Embedded(EmbeddedPostgres postgres) implements TestServer {
        @Override
        public int port() {
            return postgres.getPort();
        }

        @Override
        public Optional<Path> binaries() {
            return Optional.empty();
        }

        @Override
        public void close() {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Debian's server from its package, in a data folder of its own under /tmp. PostgreSQL refuses
     * to run as root, so as root every command runs as the OS user postgres the package made
     * (runuser); trust authentication on 127.0.0.1 only, as for the embedded fixture.
     */
    record Debian(Path home, Path data, int port) implements TestServer {

        static Debian start(String home, String superuser) {
            try {
                Path data = Files.createTempDirectory("voxconsole-pg15-");
                int port = TestWorkspace.freePort();
                run(List.of("chown", "postgres:postgres", data.toString()), false);
                Debian server = new Debian(Path.of(home), data, port);
                server.asPostgres(List.of(home + "/bin/initdb", "-D", data.resolve("pgdata").toString(), "-U", superuser,
                        "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"));
                server.asPostgres(List.of(home + "/bin/pg_ctl", "-D", data.resolve("pgdata").toString(), "-w", "-t", "60",
                        "-l", data.resolve("server.log").toString(),
                        "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -k " + data + " -c fsync=off", "start"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Optional<Path> binaries() {
            return Optional.of(home.resolve("bin"));
        }

        @Override
        public void close() {
            asPostgres(List.of(home + "/bin/pg_ctl", "-D", data.resolve("pgdata").toString(), "-m", "fast", "-w", "stop"));
            run(List.of("rm", "-rf", data.toString()), false);
        }

        private void asPostgres(List<String> command) {
            List<String> full = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                full.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            full.addAll(command);
            run(full, true);
        }

        private static void run(List<String> command, boolean mustSucceed) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(120, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new IllegalStateException(command + " did not finish");
                }
                if (mustSucceed && p.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed: " + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
