package com.voxanne.ops.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Milestones of a start ("window", "signed-in", "calls"), each with the milliseconds since the JVM
 * started, appended to the file named by VOXCONSOLE_STATUS_FILE and written to the log: how the
 * installer smoke test knows the installed console came up, and how long it took. Without the
 * variable only the log line is written.
 */
public final class StartupStatus {

    private static final Logger LOG = LoggerFactory.getLogger(StartupStatus.class);
    private static final Set<String> SEEN = new HashSet<>();

    private StartupStatus() {
    }

    /** Records a milestone once per run; the file is tiny and written once each, so the JavaFX thread may call this. */
    public static synchronized void reached(String milestone) {
        if (!SEEN.add(milestone)) {
            return;
        }
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        LOG.info("Startup: {} after {} ms", milestone, ms);
        if (milestone.equals("calls")) {
            SmokeRun.callsShown();
        }
        String file = System.getenv("VOXCONSOLE_STATUS_FILE");
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), milestone + " " + ms + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            LOG.warn("Could not write the startup status file: {}", e.getMessage());
        }
    }
}
