package com.voxanne.ops.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS-standard per-user folders for the console's data, settings, cache and logs: XDG on
 * Linux ($XDG_DATA_HOME, $XDG_CONFIG_HOME, $XDG_CACHE_HOME, $XDG_STATE_HOME), %APPDATA% and
 * %LOCALAPPDATA% on Windows, ~/Library on macOS. Never next to the program. The home folder is
 * $HOME where it is set (Java's user.home ignores it, so a person or a test that points $HOME
 * elsewhere would otherwise still get the account's own).
 */
public record AppDirectories(Path data, Path config, Path cache, Path logs) {

    private static final String APP = "voxconsole";
    private static final String APP_PRETTY = "Voxanne Ops Console";

    /**
     * VOXCONSOLE_HOME (or the system property voxconsole.home), when set, holds all three: for tests,
     * portable installs and CI.
     */
    public static AppDirectories forCurrentUser() {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        String property = System.getProperty("voxconsole.home");
        if (property != null) {
            env.put("VOXCONSOLE_HOME", property);
        }
        String os = System.getProperty("os.name", "");
        String home = env.get("HOME");
        boolean useHome = !os.toLowerCase(Locale.ROOT).startsWith("windows") && home != null && Path.of(home).isAbsolute();
        return resolve(env, os, useHome ? Path.of(home) : Path.of(System.getProperty("user.home")));
    }

    static AppDirectories resolve(Map<String, String> env, String osName, Path home) {
        String override = env.get("VOXCONSOLE_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppDirectories(root.resolve("data"), root.resolve("config"), root.resolve("cache"), root.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve("Voxanne").resolve("OpsConsole"), roaming.resolve("Voxanne").resolve("OpsConsole"),
                    local.resolve("Voxanne").resolve("OpsConsole").resolve("Cache"),
                    local.resolve("Voxanne").resolve("OpsConsole").resolve("Logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            Path support = library.resolve("Application Support").resolve(APP_PRETTY);
            return new AppDirectories(support, support, library.resolve("Caches").resolve(APP_PRETTY),
                    library.resolve("Logs").resolve(APP_PRETTY));
        }
        Path dataHome = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path cacheHome = pathOr(env.get("XDG_CACHE_HOME"), home.resolve(".cache"));
        Path configHome = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        Path stateHome = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"));
        return new AppDirectories(dataHome.resolve(APP), configHome.resolve(APP), cacheHome.resolve(APP), stateHome.resolve(APP).resolve("logs"));
    }

    /**
     * Creates the data, cache and log folders as their owner's alone (0700), before anything is
     * written in them. A folder that cannot be made (read-only or full disk) is said once on
     * stderr and left to the part that needs it, which degrades on its own (the cache and the
     * preferences are then not kept); the console still starts.
     */
    public static void makePrivate(AppDirectories dirs, Path logs) {
        for (Path dir : new java.util.LinkedHashSet<>(java.util.List.of(dirs.data(), dirs.config(), dirs.cache(), logs))) {
            try {
                PrivateFiles.privateDirectory(dir);
            } catch (java.io.IOException | SecurityException e) {
                System.err.println("The folder " + dir + " cannot be used (" + (e instanceof java.io.IOException io
                        ? PrivateFiles.reason(io) : e.getMessage()) + "); the console keeps working without it.");
            }
        }
    }

    /**
     * The person's settings file. Earlier versions kept it with the data; it is carried over
     * the first time, so nobody loses their remembered server or columns.
     */
    public Path preferences() {
        Path file = config.resolve("preferences.properties");
        Path old = data.resolve("preferences.properties");
        if (!config.equals(data) && !java.nio.file.Files.exists(file) && java.nio.file.Files.exists(old)) {
            try {
                java.nio.file.Files.createDirectories(config);
                java.nio.file.Files.move(old, file);
            } catch (java.io.IOException e) {
                return old;
            }
        }
        return file;
    }

    /** The embedded demo workspace: a PostgreSQL data directory plus its secrets file. */
    public Path workspace() {
        return data.resolve("workspace");
    }

    private static Path pathOr(String value, Path fallback) {
        // XDG says relative paths in these variables are invalid and must be ignored.
        return value != null && !value.isBlank() && Path.of(value).isAbsolute() ? Path.of(value) : fallback;
    }
}
