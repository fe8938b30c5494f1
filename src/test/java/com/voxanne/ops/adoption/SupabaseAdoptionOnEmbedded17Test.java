package com.voxanne.ops.adoption;

/** Adoption of a Supabase-shaped database on zonky's embedded PostgreSQL 17. */
class SupabaseAdoptionOnEmbedded17Test extends SupabaseAdoptionContract {

    @Override
    SupabaseShapedServer startServer() {
        return SupabaseShapedServer.startEmbedded();
    }
}
