package com.voxanne.ops.prefs;

import com.voxanne.ops.files.PrivateFiles;
import com.voxanne.ops.files.StorageProblem;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the console remembers for a person between runs: window geometry, theme, last workspace,
 * the server they sign in to (never a password). A plain properties file in the per-user data
 * folder; if it cannot be read or written (disk full, read-only) the console warns in the log and
 * carries on with defaults rather than failing.
 */
public final class UserPreferences {

    private static final Logger LOG = LoggerFactory.getLogger(UserPreferences.class);

    private final Path file;
    private final Properties values = new Properties();
    private final StorageProblem problem = new StorageProblem();

    private UserPreferences(Path file) {
        this.file = file;
    }

    public static UserPreferences load(Path file) {
        UserPreferences prefs = new UserPreferences(file);
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                prefs.values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Could not read preferences from {}; using defaults: {}", file, e.getMessage());
            }
        }
        return prefs;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public double getDouble(String key, double fallback) {
        try {
            return Double.parseDouble(values.getProperty(key, Double.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        return Boolean.parseBoolean(values.getProperty(key, Boolean.toString(fallback)));
    }

    public void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value.toString());
        }
    }

    /** What could not be saved, for the window to say. */
    public StorageProblem problem() {
        return problem;
    }

    /** Writes atomically; returns false (and logs) when the folder is not writable. */
    public boolean save() {
        try {
            PrivateFiles.replace(file, out -> values.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                    "Voxanne Ops Console preferences"));
            return true;
        } catch (IOException e) {
            LOG.warn("Could not save preferences to {}: {}", file, e.getMessage());
            problem.report("Your settings cannot be saved on this computer (" + PrivateFiles.reason(e)
                    + "); the console keeps them until it closes.");
            return false;
        }
    }
}
