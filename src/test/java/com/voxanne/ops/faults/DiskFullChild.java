package com.voxanne.ops.faults;

import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.prefs.UserPreferences;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * Runs inside {@code unshare -Urm} with its home on a small tmpfs: saves the settings while there
 * is room, fills the disk, then saves them again and exports a bundle. Prints what it found, one
 * "key=value" per line, for {@link DiskFullTest}.
 */
public final class DiskFullChild {

    private DiskFullChild() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        String url = args[1];
        String login = args[2];
        String password = args[3];
        UUID org = UUID.fromString(args[4]);

        Path prefsFile = home.resolve("preferences.properties");
        UserPreferences prefs = UserPreferences.load(prefsFile);
        prefs.put("theme", "LIGHT");
        System.out.println("saved-with-room=" + prefs.save());
        String before = Files.readString(prefsFile);
        InstallationKey key = InstallationKey.loadOrCreate(home.resolve("installation-key"));
        Files.createDirectories(home.resolve("exports"));

        long filled = fill(home.resolve("filler"));
        System.out.println("filled=" + filled);

        prefs.put("theme", "DARK");
        System.out.println("saved-when-full=" + prefs.save());
        System.out.println("prefs-intact=" + Files.readString(prefsFile).equals(before));
        System.out.println("kept-in-memory=" + prefs.get("theme", "?"));
        System.out.println("notice=" + prefs.problem().last().orElse(""));

        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(url, login), password.toCharArray(), "disk-full")) {
            new ExportService(db.jdbi(), key).export(CallFilter.NONE.toQuery(org, ZoneId.of("Europe/London"), 500), Map.of(), false,
                    home.resolve("exports").resolve("full.voxbundle"), new ExportService.Origin(login, "Test", "Test", org, "disk-full"),
                    n -> { }, () -> false);
            System.out.println("export=finished");
        } catch (RuntimeException e) {
            System.out.println("export=failed: " + e.getMessage());
        }
        try (var left = Files.list(home.resolve("exports"))) {
            System.out.println("exports-left=" + left.count());
        }
    }

    /** Writes until the disk is full; returns how many bytes fitted. */
    private static long fill(Path file) throws IOException {
        long written = 0;
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                written += block.length;
            }
        } catch (IOException full) {
            return written;
        }
    }
}
