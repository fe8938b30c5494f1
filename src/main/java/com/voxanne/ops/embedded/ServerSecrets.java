package com.voxanne.ops.embedded;

import com.voxanne.ops.files.PrivateFiles;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedded workspace's passwords (its superuser and the demo logins), in a file only the
 * user can read. Written once at bootstrap; the demo passwords are printed by `db start` on
 * purpose, because the demo workspace exists to be signed into.
 */
public final class ServerSecrets {

    private static final String SUPERUSER_KEY = "superuser.password";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties values;

    private ServerSecrets(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    public static Optional<ServerSecrets> load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Optional.of(new ServerSecrets(file, p));
    }

    public static ServerSecrets create(Path file) {
        Properties p = new Properties();
        p.setProperty(SUPERUSER_KEY, newPassword());
        return new ServerSecrets(file, p);
    }

    public static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String superuserPassword() {
        return values.getProperty(SUPERUSER_KEY);
    }

    public Optional<String> loginPassword(String loginRole) {
        return Optional.ofNullable(values.getProperty("login." + loginRole));
    }

    public String loginPasswordOrNew(String loginRole) {
        return values.computeIfAbsent("login." + loginRole, k -> newPassword()).toString();
    }

    /** Writes owner-only (0600 where the file system knows POSIX permissions), atomically. */
    public void save() throws IOException {
        PrivateFiles.replace(file, out -> values.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8),
                "Voxanne Ops Console demo workspace: keep private"));
    }

    public Path file() {
        return file;
    }
}
