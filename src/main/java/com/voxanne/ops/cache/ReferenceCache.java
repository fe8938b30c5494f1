package com.voxanne.ops.cache;

import com.voxanne.ops.files.PrivateFiles;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.voxanne.ops.AppVersion;
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
 * The on-disk copy of a person's reference configuration: one file per server, organization and
 * login in the per-user cache folder, readable by the user alone. Written to a temporary file,
 * forced to disk and atomically renamed, so a crash leaves the old or the new version, never a
 * torn one; a file from another app version or another owner is ignored rather than misread.
 */
public final class ReferenceCache {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceCache.class);

    private final Path file;
    private final String owner;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The channel is forced to disk after writing, so Jackson must not close it first.
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    public ReferenceCache(Path cacheDirectory, String server, UUID orgId, String login) {
        this.owner = server + "|" + orgId + "|" + login;
        this.file = cacheDirectory.resolve("reference").resolve(sha256(owner) + ".json");
    }

    public Optional<ReferenceSnapshot> load() {
        removeLeftovers();
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ReferenceSnapshot s = json.readValue(file.toFile(), ReferenceSnapshot.class);
            if (s.format() != ReferenceSnapshot.FORMAT || !AppVersion.current().equals(s.appVersion()) || !owner.equals(s.owner())) {
                LOG.info("Ignoring the reference cache {}: it belongs to another version or person", file);
                return Optional.empty();
            }
            return Optional.of(s);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring an unreadable reference cache {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Saves atomically; returns false (and logs) when the cache folder cannot be written (full or read-only disk). */
    public boolean save(ReferenceSnapshot snapshot) {
        try {
            PrivateFiles.replace(file, out -> json.writeValue(out, snapshot));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not save the reference cache {}: {}", file, e.getMessage());
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

    String owner() {
        return owner;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
