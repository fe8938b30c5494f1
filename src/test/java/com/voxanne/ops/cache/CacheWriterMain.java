package com.voxanne.ops.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Saves ever-changing snapshots in a loop until killed: the other side of the crash-safety test. */
public final class CacheWriterMain {

    private CacheWriterMain() {
    }

    public static void main(String[] args) {
        ReferenceCache cache = new ReferenceCache(Path.of(args[0]), "server", ReferenceCacheTest.session(UUID.fromString(args[1]), "login"));
        for (long i = 0; ; i++) {
            List<String> titles = new ArrayList<>();
            for (int t = 0; t < 2_000; t++) {
                titles.add("Article " + i + "-" + t + " with some text to make the file large enough to be caught mid-write");
            }
            cache.save(new ReferenceSnapshot(ReferenceSnapshot.FORMAT, com.voxanne.ops.AppVersion.current(), cache.owner(), cache.session(), "v" + i,
                    Instant.now(), Instant.now(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), titles));
            if (i == 0) {
                System.out.println("WRITING");
                System.out.flush();
            }
        }
    }
}
