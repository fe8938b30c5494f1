package com.voxanne.ops.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a data directory startable after a crash. If the console was killed, its postmaster may
 * still run (orphaned) and hold the directory; if the postmaster was killed, postmaster.pid stays
 * behind and may name a pid that now belongs to another process. Committed data is safe in both
 * cases (fsync is on): the orphan is shut down cleanly, a stale pid file is removed, and
 * PostgreSQL's own crash recovery replays the WAL on the next start.
 */
final class StaleServerRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(StaleServerRecovery.class);
    private static final Duration CLEAN_SHUTDOWN_WAIT = Duration.ofSeconds(30);

    private StaleServerRecovery() {
    }

    static void recover(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Optional<ProcessHandle> postmaster = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(StaleServerRecovery::looksLikePostgres);
        if (postmaster.isPresent()) {
            stop(postmaster.get());
        } else {
            LOG.info("Removing stale {} left by a server that is no longer running", pidFile);
        }
        Files.deleteIfExists(pidFile);
    }

    private static void stop(ProcessHandle postmaster) {
        LOG.warn("Found an orphaned PostgreSQL server (pid {}) on the workspace; shutting it down", postmaster.pid());
        // SIGTERM is PostgreSQL's "smart" shutdown: its clients died with the old console, so it ends at once.
        postmaster.destroy();
        try {
            postmaster.onExit().get(CLEAN_SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            LOG.warn("The orphaned server did not stop in {}; killing it (crash recovery will run on start)", CLEAN_SHUTDOWN_WAIT);
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean looksLikePostgres(ProcessHandle process) {
        // A recycled pid must not be killed: only a postgres executable is ours to stop.
        return process.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false);
    }
}
