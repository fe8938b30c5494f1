package com.voxanne.ops.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: the console's folders are where each desktop keeps them, and XDG's variables are honoured on Linux. */
class AppDirectoriesTest {

    private final Path home = Path.of("/home/priya");

    @Test
    void linuxFollowsXdgAndFallsBackToItsDefaults() {
        AppDirectories xdg = AppDirectories.resolve(Map.of("XDG_DATA_HOME", "/xdg/data", "XDG_CONFIG_HOME", "/xdg/config",
                "XDG_CACHE_HOME", "/xdg/cache", "XDG_STATE_HOME", "/xdg/state"), "Linux", home);
        assertThat(xdg).isEqualTo(new AppDirectories(Path.of("/xdg/data/voxconsole"), Path.of("/xdg/config/voxconsole"),
                Path.of("/xdg/cache/voxconsole"), Path.of("/xdg/state/voxconsole/logs")));
        AppDirectories defaults = AppDirectories.resolve(Map.of("XDG_CONFIG_HOME", "relative/ignored"), "Linux", home);
        assertThat(defaults.data()).isEqualTo(home.resolve(".local/share/voxconsole"));
        assertThat(defaults.config()).as("a relative XDG path is invalid and ignored").isEqualTo(home.resolve(".config/voxconsole"));
        assertThat(defaults.cache()).isEqualTo(home.resolve(".cache/voxconsole"));
    }

    @Test
    void windowsAndMacKeepTheirOwnPlaces() {
        AppDirectories windows = AppDirectories.resolve(Map.of("APPDATA", "C:\\Users\\p\\AppData\\Roaming"), "Windows 11", Path.of("C:\\Users\\p"));
        assertThat(windows.config()).isEqualTo(windows.data());
        AppDirectories mac = AppDirectories.resolve(Map.of(), "Mac OS X", Path.of("/Users/p"));
        assertThat(mac.data()).isEqualTo(Path.of("/Users/p/Library/Application Support/Voxanne Ops Console"));
        assertThat(mac.cache()).isEqualTo(Path.of("/Users/p/Library/Caches/Voxanne Ops Console"));
    }

    @Test
    void theSettingsFileMovesFromTheDataFolderOnce(@TempDir Path root) throws Exception {
        AppDirectories dirs = AppDirectories.resolve(Map.of("VOXCONSOLE_HOME", root.toString()), "Linux", home);
        Files.createDirectories(dirs.data());
        Files.writeString(dirs.data().resolve("preferences.properties"), "theme=DARK\n");
        Path settings = dirs.preferences();
        assertThat(settings).isEqualTo(dirs.config().resolve("preferences.properties"));
        assertThat(Files.readString(settings)).isEqualTo("theme=DARK\n");
        assertThat(dirs.data().resolve("preferences.properties")).doesNotExist();
    }
}
