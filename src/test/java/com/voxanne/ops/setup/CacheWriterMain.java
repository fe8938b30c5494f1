package com.voxanne.ops.setup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Saves ever-changing snapshots in a loop until killed: the other side of the crash-safety test. */
public final class CacheWriterMain {

    private CacheWriterMain() {
    }

    /**
     * Who a cache belongs to; only the organization and the login matter to it. Here, not in
     * ReferenceCacheTest: touching that class in the child would start the test run's embedded
     * server (its static fields ask it for an organization), and the killed child would leave it running.
     */
    static com.voxanne.ops.records.ConsoleSession session(UUID org, String login) {
        return new com.voxanne.ops.records.ConsoleSession(UUID.randomUUID(), org, "Some clinic", "admin", "Some One", "some@one.example", login);
    }

    public static void main(String[] args) {
        ReferenceCache cache = new ReferenceCache(Path.of(args[0]), "server", session(UUID.fromString(args[1]), "login"));
        for (long i = 0; ; i++) {
            List<String> titles = new ArrayList<>();
            for (int t = 0; t < 2_000; t++) {
                titles.add("Article " + i + "-" + t + " with some text to make the file large enough to be caught mid-write");
            }
            cache.save(new ReferenceSnapshot(ReferenceSnapshot.FORMAT, com.voxanne.ops.base.AppVersion.current(), cache.owner(), cache.session(), "v" + i,
                    Instant.now(), Instant.now(), new com.voxanne.ops.catalog.PlatformColumns(java.util.Map.of()), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), titles));
            if (i == 0) {
                System.out.println("WRITING");
                System.out.flush();
            }
        }
    }
}
