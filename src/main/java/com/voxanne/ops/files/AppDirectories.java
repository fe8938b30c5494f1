package com.voxanne.ops.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The OS-standard per-user folders for the console's data, cache and logs: XDG on Linux,
 * %APPDATA%/%LOCALAPPDATA% on Windows, ~/Library on macOS. Never next to the program.
 */
public record AppDirectories(Path data, Path cache, Path logs) {

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
        return resolve(env, System.getProperty("os.name", ""), Path.of(System.getProperty("user.home")));
    }

    static AppDirectories resolve(Map<String, String> env, String osName, Path home) {
        String override = env.get("VOXCONSOLE_HOME");
        if (override != null && !override.isBlank()) {
            Path root = Path.of(override);
            return new AppDirectories(root.resolve("data"), root.resolve("cache"), root.resolve("logs"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path roaming = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirectories(roaming.resolve("Voxanne").resolve("OpsConsole"),
                    local.resolve("Voxanne").resolve("OpsConsole").resolve("Cache"),
                    local.resolve("Voxanne").resolve("OpsConsole").resolve("Logs"));
        }
        if (os.startsWith("mac")) {
            Path library = home.resolve("Library");
            return new AppDirectories(library.resolve("Application Support").resolve(APP_PRETTY),
                    library.resolve("Caches").resolve(APP_PRETTY),
                    library.resolve("Logs").resolve(APP_PRETTY));
        }
        Path dataHome = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path cacheHome = pathOr(env.get("XDG_CACHE_HOME"), home.resolve(".cache"));
        Path stateHome = pathOr(env.get("XDG_STATE_HOME"), home.resolve(".local").resolve("state"));
        return new AppDirectories(dataHome.resolve(APP), cacheHome.resolve(APP), stateHome.resolve(APP).resolve("logs"));
    }

    /**
     * Creates the data, cache and log folders as their owner's alone (0700), before anything is
     * written in them. A folder that cannot be made (read-only or full disk) is said once on
     * stderr and left to the part that needs it, which degrades on its own (the cache and the
     * preferences are then not kept); the console still starts.
     */
    public static void makePrivate(AppDirectories dirs, Path logs) {
        for (Path dir : java.util.List.of(dirs.data(), dirs.cache(), logs)) {
            try {
                PrivateFiles.privateDirectory(dir);
            } catch (java.io.IOException | SecurityException e) {
                System.err.println("The folder " + dir + " cannot be used (" + (e instanceof java.io.IOException io
                        ? PrivateFiles.reason(io) : e.getMessage()) + "); the console keeps working without it.");
            }
        }
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
