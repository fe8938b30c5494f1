package com.voxanne.ops.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * Adoption of a Supabase-shaped database on Debian's PostgreSQL 15, checked with its pg_dump
 * --schema-only too. Tagged: it needs Debian's postgresql-15 package, which only the Linux CI
 * installs (the Windows and macOS installer jobs leave the tag out).
 */
@org.junit.jupiter.api.Tag("debian-packages")
class SupabaseAdoptionOnDebian15Test extends SupabaseAdoptionContract {

    @Override
    SupabaseShapedServer startServer() {
        assertThat(Path.of("/usr/lib/postgresql/15/bin/postgres")).as("Debian's postgresql-15 (.ci/run installs it)").isExecutable();
        return SupabaseShapedServer.startDebian15();
    }
}
