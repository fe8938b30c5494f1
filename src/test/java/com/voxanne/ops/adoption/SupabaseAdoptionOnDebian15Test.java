package com.voxanne.ops.adoption;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/** Adoption of a Supabase-shaped database on Debian's PostgreSQL 15, checked with its pg_dump --schema-only too. */
class SupabaseAdoptionOnDebian15Test extends SupabaseAdoptionContract {

    @Override
    SupabaseShapedServer startServer() {
        assertThat(Path.of("/usr/lib/postgresql/15/bin/postgres")).as("Debian's postgresql-15 (.ci/run installs it)").isExecutable();
        return SupabaseShapedServer.startDebian15();
    }
}
