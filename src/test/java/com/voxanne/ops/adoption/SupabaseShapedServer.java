package com.voxanne.ops.adoption;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.Resources;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A PostgreSQL server shaped like a Supabase project (issue 13): the superuser supabase_admin, the
 * owner login postgres without SUPERUSER but with BYPASSRLS and CREATEROLE, anon, authenticated,
 * service_role and authenticator, pgcrypto and uuid-ossp in schema extensions, auth.users and
 * auth.uid(), default privileges handing public's new objects to the API's roles, and the web
 * app's 26 tables owned by postgres with its own policies and production-like rows, some of
 * which break the console's rules. Built from public facts, not from Supabase's code.
 */
final class SupabaseShapedServer implements AutoCloseable {

    static final String OWNER_PASSWORD = "postgres-owner-pw";
    static final String DATABASE = "platform";

    private final TestServer postgres;

    private SupabaseShapedServer(TestServer postgres) {
        this.postgres = postgres;
    }

    /** On the embedded PostgreSQL 17 from Maven Central. */
    static SupabaseShapedServer startEmbedded() {
        try {
            Path dir = TestWorkspace.root().resolve("supabase-" + UUID.randomUUID());
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", "127.0.0.1").start();
            return shaped(new TestServer.Embedded(pg), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** On Debian's PostgreSQL 15 (Supabase runs 15 and 17), initialised with supabase_admin as its superuser. */
    static SupabaseShapedServer startDebian15() {
        return shaped(TestServer.Debian.start("/usr/lib/postgresql/15", "supabase_admin"), false);
    }

    private static SupabaseShapedServer shaped(TestServer pg, boolean renameBootstrap) {
        SupabaseShapedServer server = new SupabaseShapedServer(pg);
        try {
            server.shape(renameBootstrap);
        } catch (RuntimeException | SQLException e) {
            server.close();
            throw new IllegalStateException("The Supabase-shaped fixture could not be built", e);
        }
        return server;
    }

    /** The server's own bin folder (for pg_dump of the same major version), or empty for the embedded one. */
    java.util.Optional<Path> binaries() {
        return postgres.binaries();
    }

    int port() {
        return postgres.port();
    }

    private void shape(boolean renameBootstrap) throws SQLException {
        if (renameBootstrap) {
            // zonky's bootstrap superuser is postgres: it becomes supabase_admin, so that postgres
            // can be the project's owner login without SUPERUSER, as on Supabase.
            run(source("postgres", "postgres"), "create role fixture_boot superuser login");
            run(source("fixture_boot", "postgres"), "alter role postgres rename to supabase_admin");
            run(source("supabase_admin", "postgres"), "drop role fixture_boot");
        }
        run(source("supabase_admin", "postgres"), Resources.text("supabase/01_cluster.sql"));
        run(source("supabase_admin", "postgres"), "create database " + DATABASE + " owner postgres");
        run(source("supabase_admin", DATABASE), Resources.text("supabase/02_database.sql"));
        String platform = Resources.text("db/platform/platform_tables.sql");
        // The web app's tables as the platform made them: the console's own platform script, less
        // its last step (which takes back what default privileges gave: a web app keeps those).
        run(owner(), platform.substring(0, platform.indexOf("-- Row-level security on, as the web app")));
        run(owner(), """
                do $$
                declare t text;
                begin
                  for t in select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' loop
                    execute format('alter table public.%I enable row level security', t);
                  end loop;
                end $$""");
        run(owner(), Resources.text("supabase/04_web_app.sql"));
        run(source("supabase_admin", DATABASE), Resources.text("supabase/05_rows.sql"));
        run(source("supabase_admin", DATABASE), "analyze");
    }

    /** The project's owner login, postgres, on the platform's database. */
    DataSource owner() {
        return source("postgres", DATABASE);
    }

    DataSource superuser() {
        return source("supabase_admin", DATABASE);
    }

    /** What PostgREST connects as; it then switches to anon, authenticated or service_role. */
    DataSource authenticator() {
        return source("authenticator", DATABASE);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/" + DATABASE;
    }

    DataSource source(String user, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {postgres.port()});
        ds.setDatabaseName(database);
        ds.setUser(user);
        ds.setPassword(user.equals("postgres") ? OWNER_PASSWORD : "unused-under-trust");
        return ds;
    }

    static void run(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() {
        postgres.close();
    }
}
