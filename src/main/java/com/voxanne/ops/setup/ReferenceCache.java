package com.voxanne.ops.setup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.voxanne.ops.base.AppVersion;
import com.voxanne.ops.files.PrivateFiles;
import com.voxanne.ops.files.StorageProblem;
import com.voxanne.ops.records.ConsoleSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-disk copy of a person's reference configuration: one file per server and login in the
 * per-user cache folder, readable by the user alone, holding one organization's setup. Written to a
 * temporary file, forced to disk and atomically renamed, so a crash leaves the old or the new
 * version, never a torn one; a file from another app version, another login or another
 * organization is ignored rather than misread.
 */
public final class ReferenceCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCache.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The channel is forced to disk after writing, so Jackson must not close it first.
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final Path file;
    private final String server;
    private final ConsoleSession session;
    private final StorageProblem problem = new StorageProblem();

    /** The cache of a signed-in person: {@code session} says which login and organization it belongs to. */
    public ReferenceCache(Path cacheDirectory, String server, ConsoleSession session) {
        this.file = fileFor(cacheDirectory, server, session.loginRole());
        this.server = server;
        this.session = session;
    }

    /**
     * What this computer kept for {@code login} on {@code server}, whichever organization it was: for
     * an offline start when the server cannot be reached (the file is the person's own, readable by
     * them alone; no server is there to ask).
     */
    public static Optional<ReferenceSnapshot> lastKnown(Path cacheDirectory, String server, String login) {
        return read(fileFor(cacheDirectory, server, login), s -> s.session() != null
                && s.session().loginRole().equals(login) && ownerOf(server, s.session().orgId(), login).equals(s.owner()));
    }

    public Optional<ReferenceSnapshot> load() {
        removeLeftovers();
        String owner = owner();
        return read(file, s -> owner.equals(s.owner()));
    }

    private static Optional<ReferenceSnapshot> read(Path file, java.util.function.Predicate<ReferenceSnapshot> belongs) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ReferenceSnapshot s = JSON.readValue(file.toFile(), ReferenceSnapshot.class);
            if (s.format() != ReferenceSnapshot.FORMAT || !AppVersion.current().equals(s.appVersion()) || !belongs.test(s)) {
                LOG.info("Ignoring the reference cache {}: it belongs to another version, person or organization", file);
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable reference cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** What could not be kept, for the window to say. */
    public StorageProblem problem() {
        return problem;
    }

    /** Saves atomically; returns false (and logs) when the cache folder cannot be written (full or read-only disk). */
    public boolean save(ReferenceSnapshot snapshot) {
        try {
            PrivateFiles.replace(file, out -> JSON.writeValue(out, snapshot));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the reference cache {}: {}", file, e.getMessage());
            problem.report("The setup cannot be kept on this computer (" + (e instanceof IOException io
                    ? PrivateFiles.reason(io) : "it could not be written") + "); the console works, but cannot start offline with it.");
            return false;
        }
    }

    /** Temporary files of writers that were killed mid-write; harmless, but not worth keeping. */
    private void removeLeftovers() {
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - 60_000;
        try (var files = Files.list(dir)) {
            for (Path p : files.filter(p -> PrivateFiles.isLeftover(p, file)).toList()) {
                if (Files.getLastModifiedTime(p).toMillis() < cutoff) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            LOG.debug("Could not tidy the cache folder {}", dir, e);
        }
    }

    /** Signing out may clear it. */
    public void clear() throws IOException {
        Files.deleteIfExists(file);
    }

    public Path file() {
        return file;
    }

    ConsoleSession session() {
        return session;
    }

    String owner() {
        return ownerOf(server, session.orgId(), session.loginRole());
    }

    private static String ownerOf(String server, UUID orgId, String login) {
        return server + "|" + orgId + "|" + login;
    }

    private static Path fileFor(Path cacheDirectory, String server, String login) {
        return cacheDirectory.resolve("reference").resolve(sha256(server + "|" + login) + ".json");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
