package com.voxanne.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestCalls;
import com.voxanne.ops.TestWorkspace;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.PGConnection;

/**
 * An attacker holding a console login of one organization (Harley Street) tries everything a SQL
 * prompt allows against another's data (Brightside): COPY in and out, TRUNCATE, switching row
 * security off, policies and triggers of their own, views over the tables, hijacking the SECURITY
 * DEFINER functions through temporary objects and search_path, SET ROLE and set_config, the
 * credential secrets, server files, other sessions' query text and LISTEN. Every attempt must be
 * refused or find nothing; the number tried is printed (and quoted in the README).
 * {@link TenantIsolationTest} covers plain reads and writes of every table.
 */
class AttackSuiteTest {

    private static final AtomicInteger ATTEMPTS = new AtomicInteger();
    private static final UUID OWN = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final UUID OTHER = TestWorkspace.orgId("Brightside Physiotherapy");
    private static final List<String> ROLES = List.of("admin", "manager", "user");

    private static Jdbi as(String role) {
        return TestWorkspace.as("harley", role).jdbi();
    }

    /** Runs one attack; counted whatever the outcome. */
    private static Attempt attack(Jdbi login, java.util.function.Function<Handle, Integer> action) {
        ATTEMPTS.incrementAndGet();
        return Attempt.run(login, action);
    }

    private static Attempt attack(Jdbi login, String sql) {
        return attack(login, h -> h.createUpdate(sql).execute());
    }

    private static Attempt count(Jdbi login, String sql) {
        return attack(login, h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static Stream<Arguments> tablesAndRoles() {
        List<String> tables = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select schemaname || '.' || tablename from pg_tables where schemaname in ('public', 'voxconsole')
                        order by schemaname desc, tablename""").mapTo(String.class).list());
        assertThat(tables.stream().filter(t -> t.startsWith("public."))).as("the platform's 26 tables").hasSize(26);
        assertThat(tables).as("and the console's own").contains("voxconsole.flyway_schema_history", "voxconsole.console_logins",
                "voxconsole.audit_trail", "voxconsole.acknowledgements", "voxconsole.change_channel_secret");
        return tables.stream().flatMap(t -> ROLES.stream().map(r -> Arguments.of(t, r)));
    }

    @ParameterizedTest(name = "{1}: COPY, TRUNCATE, row security, policies, triggers and views on {0}")
    @MethodSource("tablesAndRoles")
    void tableLevelAttacksFailOrFindNothing(String table, String role) {
        Jdbi login = as(role);
        String scope = scopeColumn(table);
        long othersBefore = othersRows(table, scope);

        // COPY out applies row security like SELECT: every row that comes out is the caller's own.
        Attempt copyOut = attack(login, h -> copyOut(h, "copy (select " + scope + " from " + table + ") to stdout")
                .lines().filter(l -> !l.equals(OWN.toString()) && !l.equals("\\N")).mapToInt(l -> 1).sum());
        assertThat(copyOut.touchedNothing()).as("COPY %s out: %s foreign rows", table, copyOut).isTrue();
        // COPY of the whole table takes another path in the server (the relation, not a query).
        Attempt copyTable = attack(login, h -> (int) copyRows(h, "copy " + table + " to stdout"));
        assertThat(copyTable.refused() || copyTable.rows() <= ownOrSharedRows(table, scope))
                .as("COPY %s to stdout: %s, more than its own", table, copyTable).isTrue();

        // COPY in of a foreign row: refused by row security (no COPY FROM into such a table) or by the grants.
        String column = "null::uuid".equals(scope) || scope.startsWith("(") ? firstColumn(table) : scope;
        Attempt copyIn = attack(login, h -> (int) copyIn(h, "copy " + table + " (" + column + ") from stdin", OTHER + "\n"));
        assertThat(copyIn.sqlState()).as("COPY into %s: %s", table, copyIn).isIn(Attempt.INSUFFICIENT_PRIVILEGE, "0A000");

        List<String> statements = new ArrayList<>(List.of(
                "copy " + table + " to '/tmp/voxconsole-attack.csv'",
                "copy " + table + " from program 'id'",
                "truncate " + table,
                "alter table " + table + " disable row level security",
                "alter table " + table + " no force row level security",
                "create policy attack on " + table + " using (true)",
                "create trigger attack before insert on " + table + " for each row execute function voxconsole.touch_updated_at()",
                "alter table " + table + " owner to " + "demo_harley_" + role));
        policies(table).forEach(p -> statements.add("drop policy " + p + " on " + table));
        policies(table).forEach(p -> statements.add("alter policy " + p + " on " + table + " using (true)"));
        for (String sql : statements) {
            Attempt a = attack(login, sql);
            assertThat(a.refused()).as("%s: %s", sql, a).isTrue();
        }

        // GRANT by a non-owner grants at most what it holds with grant option: nothing, with a warning.
        Attempt grant = attack(login, h -> {
            h.execute("grant select on " + table + " to public");
            return h.createQuery("select count(*) from information_schema.role_table_grants where grantee = 'PUBLIC'"
                    + " and table_schema || '.' || table_name = ?").bind(0, table).mapTo(Integer.class).one();
        });
        assertThat(grant.touchedNothing()).as("GRANT on %s: %s", table, grant).isTrue();

        // A view of one's own over the table runs with the caller's rights: still only its own rows.
        Attempt view = attack(login, h -> {
            h.execute("create temporary view attack_view as select * from " + table);
            // Shared configuration (no owner) is everyone's to read; only another organization's rows count.
            return h.createQuery("select count(*) from attack_view where " + scope + " <> '" + OWN + "'")
                    .mapTo(Integer.class).one();
        });
        assertThat(view.touchedNothing()).as("a temporary view over %s: %s", table, view).isTrue();
        assertThat(othersRows(table, scope)).isEqualTo(othersBefore);
    }

    @Test
    void definerFunctionsPinTheirSearchPathAndCannotBeHijackedByTemporaryObjects() {
        List<String> unpinned = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname in ('public', 'voxconsole') and p.prosecdef
                          and not exists (select 1 from unnest(coalesce(p.proconfig, '{}')) c where c like 'search\\_path=%')""")
                .mapTo(String.class).list());
        assertThat(unpinned).as("SECURITY DEFINER functions without a fixed search_path").isEmpty();

        List<String> callable = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                        where n.nspname = 'voxconsole' and p.prosecdef and has_function_privilege('demo_harley_admin', p.oid, 'execute')
                        order by 1""").mapTo(String.class).list());
        assertThat(callable).as("what a console may call with the owner's rights").containsExactlyInAnyOrder(
                "voxconsole.current_profile_id()", "voxconsole.current_org_id()", "voxconsole.current_app_role()", "voxconsole.my_change_channel()",
                "voxconsole.schema_version()",
                "voxconsole.acknowledge(text,uuid)", "voxconsole.acknowledgements_of(text,uuid[])",
                "voxconsole.acknowledged_since(text,timestamp with time zone,integer)",
                "voxconsole.record_export(jsonb,integer,boolean,text)",
                "voxconsole.top_up_review_queue(timestamp with time zone,timestamp with time zone)", "voxconsole.send_to_review(uuid,uuid)",
                callable.stream().filter(f -> f.startsWith("voxconsole.search_call_ids(")).findFirst()
                        .orElse("voxconsole.search_call_ids(...)"));

        for (String role : ROLES) {
            Jdbi login = as(role);
            String honest = login.withHandle(h -> h.createQuery(
                    "select voxconsole.current_org_id()::text || voxconsole.current_app_role() || voxconsole.my_change_channel()").mapTo(String.class).one());
            // Temporary look-alikes of everything the functions read, first on the search_path.
            Attempt hijack = attack(login, h -> {
                for (String t : List.of("console_logins", "profiles", "organizations", "calls", "audit_trail", "acknowledgements",
                        "change_channel_secret")) {
                    h.execute("create temporary table " + t + " (login_role name, profile_id uuid, id uuid, org_id uuid, role text, status text)");
                    h.execute("insert into pg_temp." + t + " values (session_user, ?, ?, ?, 'admin', 'active')", OTHER, OTHER, OTHER);
                }
                h.execute("set local search_path = pg_temp, public, voxconsole");
                String after = h.createQuery("select voxconsole.current_org_id()::text || voxconsole.current_app_role() || voxconsole.my_change_channel()")
                        .mapTo(String.class).one();
                int foreign = h.createQuery("select count(*) from public.calls where org_id = ?").bind(0, OTHER).mapTo(Integer.class).one();
                int found = h.createQuery("select count(*) from voxconsole.search_call_ids('appointment', 'NEWEST', null, null, null, null, null,"
                        + " null, null, null, null, null, null, 100) i join public.calls c on c.id = i").mapTo(Integer.class).one();
                int foreignFound = h.createQuery("select count(*) from public.calls where id in (select voxconsole.search_call_ids('appointment',"
                        + " 'NEWEST', null, null, null, null, null, null, null, null, null, null, null, 100)) and org_id = ?")
                        .bind(0, OTHER).mapTo(Integer.class).one();
                return after.equals(honest) && found > 0 ? foreign + foreignFound : 1_000_000;
            });
            assertThat(hijack.rows()).as("%s: the definer functions ignore temporary look-alikes", role).isZero();
            UUID theirCall = TestWorkspace.owner().withHandle(h -> h.createQuery("select id from calls where org_id = :o limit 1")
                    .bind("o", OTHER).mapTo(UUID.class).one());
            Attempt ackTheirs = attack(login, h -> h.createQuery("select count(*) from voxconsole.acknowledge('calls', ?)").bind(0, theirCall)
                    .mapTo(Integer.class).one());
            assertThat(ackTheirs.sqlState()).as("%s acknowledging another organization's call: %s", role, ackTheirs).isIn("P0002", "42501");
            Attempt theirAcks = count(login, "select count(*) from voxconsole.acknowledgements_of('calls', array['" + theirCall + "']::uuid[])");
            assertThat(theirAcks.touchedNothing()).isTrue();
        }
    }

    @Test
    void nothingNewCanBeCreatedToHideABypassIn() {
        for (String role : ROLES) {
            Jdbi login = as(role);
            for (String sql : List.of(
                    "create function public.attack() returns setof public.calls language sql security definer as 'select * from public.calls'",
                    "create view public.attack as select * from public.calls",
                    "create table public.attack (id int)",
                    "create schema attack",
                    "create extension if not exists dblink",
                    "create extension if not exists postgres_fdw",
                    "create function voxconsole.attack() returns int language sql as 'select 1'",
                    "create or replace function voxconsole.current_org_id() returns uuid language sql as $$select '" + OTHER + "'::uuid$$",
                    "alter function voxconsole.current_org_id() owner to demo_harley_" + role,
                    "create role attacker login superuser",
                    "create role attacker login",
                    "alter role demo_harley_" + role + " bypassrls",
                    "grant vox_admin to demo_harley_" + role,
                    "alter database voxanne set row_security = off",
                    "load 'plpgsql'",
                    "create event trigger attack on ddl_command_start execute function voxconsole.touch_updated_at()")) {
                Attempt a = attack(login, sql);
                assertThat(a.refused()).as("%s: %s → %s", role, sql, a).isTrue();
            }
            // Refused inside a transaction before any privilege check, so tried on its own.
            ATTEMPTS.incrementAndGet();
            Attempt alterSystem = Attempt.alone(login, "alter system set row_security = off");
            assertThat(alterSystem.refused()).as("%s: alter system → %s", role, alterSystem).isTrue();
        }
    }

    @Test
    void roleAndSettingTricksDoNotWidenAccess() {
        String foreign = "select count(*) from public.calls where org_id = '" + OTHER + "'";
        for (String role : ROLES) {
            Jdbi login = as(role);
            for (String sql : List.of(
                    "set role vox_admin", "set role vox_console", "set role demo_brightside_admin", "set role postgres",
                    "set session authorization demo_brightside_admin", "set session authorization postgres",
                    "select set_config('role', 'demo_brightside_admin', false)", "select set_config('session_authorization', 'postgres', false)",
                    "set session_replication_role = replica", "set row_security = off",
                    // A role may change its own session defaults; they still cannot widen what it sees.
                    "alter role demo_harley_" + role + " set row_security = off")) {
                Attempt a = attack(login, h -> {
                    h.execute(sql);
                    return h.createQuery(foreign).mapTo(Integer.class).one();
                });
                assertThat(a.touchedNothing()).as("%s after %s: %s", role, sql, a).isTrue();
            }
            for (String setting : List.of("request.jwt.claims", "request.jwt.claim.org_id", "app.current_org_id", "app.org_id",
                    "voxconsole.org_id", "request.jwt.claim.role")) {
                Attempt a = attack(login, h -> {
                    h.execute("select set_config(?, ?, false)", setting, setting.endsWith("claims")
                            ? "{\"org_id\": \"" + OTHER + "\", \"role\": \"service_role\"}" : OTHER.toString());
                    return h.createQuery(foreign).mapTo(Integer.class).one()
                            + h.createQuery("select count(*) from public.organizations where id = ?").bind(0, OTHER).mapTo(Integer.class).one();
                });
                assertThat(a.touchedNothing()).as("%s with %s set: %s", role, setting, a).isTrue();
            }
        }
    }

    @Test
    void credentialSecretsStayUnreadableWhateverTheShapeOfTheQuery() {
        for (String role : ROLES) {
            Jdbi login = as(role);
            for (String sql : List.of(
                    "select count(secret_ciphertext) from public.org_credentials",
                    "select count(*) from (select c from public.org_credentials c) x",
                    "select count(row_to_json(c)) from public.org_credentials c",
                    "select count(*) from (table public.org_credentials) x",
                    "select count(*) from public.org_credentials c where c.secret_ciphertext is not null",
                    "select count(*) from voxconsole.change_channel_secret",
                    "select count(*) from voxconsole.console_logins",
                    "select count(*) from pg_authid",
                    "select count(*) from pg_shadow",
                    "select count(*) from voxconsole.acknowledgements",
                    "select count(*) from voxconsole.flyway_schema_history")) {
                Attempt a = count(login, sql);
                assertThat(a.refused()).as("%s: %s → %s", role, sql, a).isTrue();
            }
            Attempt copy = attack(login, h -> copyOut(h, "copy public.org_credentials (secret_ciphertext) to stdout").length());
            assertThat(copy.refused()).as("%s: COPY of the secret column → %s", role, copy).isTrue();
            Attempt copyAll = attack(login, h -> copyOut(h, "copy (select * from public.org_credentials) to stdout").length());
            assertThat(copyAll.refused()).as("%s: COPY of every column → %s", role, copyAll).isTrue();
        }
    }

    @Test
    void theServersFilesAndOtherSessionsStayOutOfReach() throws Exception {
        String marker = "attack_marker_" + UUID.randomUUID().toString().replace("-", "");
        // The owner's session runs a query naming a patient-like string and stays open while the attacker looks.
        try (Handle owner = TestWorkspace.owner().open()) {
            owner.begin();
            owner.createQuery("select '" + marker + "' as name").mapTo(String.class).one();
            for (String role : ROLES) {
                Jdbi login = as(role);
                Attempt peek = count(login, "select count(*) from pg_stat_activity where query like '%" + marker.substring(0, 20) + "%' and pid <> pg_backend_pid()");
                assertThat(peek.touchedNothing()).as("%s reads another session's query text: %s", role, peek).isTrue();
                for (String sql : List.of(
                        "select length(pg_read_file('/etc/passwd'))",
                        "select length(pg_read_file('postgresql.conf'))",
                        "select length(pg_read_binary_file('global/pg_control'))",
                        "select count(*) from pg_ls_dir('.')",
                        "select (pg_stat_file('postgresql.conf')).size::int",
                        "select lo_import('/etc/passwd')::int",
                        "select lo_export(0, '/tmp/voxconsole-attack')",
                        "select count(*) from pg_hba_file_rules",
                        "select count(*) from pg_file_settings",
                        "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity where usename <> session_user) x",
                        "select pg_reload_conf()::int",
                        "select pg_rotate_logfile()::int")) {
                    Attempt a = count(login, sql);
                    assertThat(a.touchedNothing()).as("%s: %s → %s", role, sql, a).isTrue();
                }
            }
            owner.rollback();
        }
        assertThat(Files.exists(java.nio.file.Path.of("/tmp/voxconsole-attack"))).isFalse();
        assertThat(Files.exists(java.nio.file.Path.of("/tmp/voxconsole-attack.csv"))).isFalse();
    }

    @Test
    void listeningOnGuessedChannelsHearsNothingOfAnotherOrganization() throws Exception {
        String own = as("user").withHandle(h -> h.createQuery("select voxconsole.my_change_channel()").mapTo(String.class).one());
        List<String> guesses = new ArrayList<>(List.of("calls", "changes", "voxanne", "vox", "public", "org_" + OTHER, OTHER.toString(),
                "vox_" + OTHER.toString().replace("-", ""), "pgrst", "realtime", "supabase_realtime", "*"));
        for (String role : ROLES) {
            try (Connection c = TestWorkspace.as("harley", role).openDedicated("voxconsole-attack")) {
                for (String guess : guesses) {
                    ATTEMPTS.incrementAndGet();
                    c.createStatement().execute("listen \"" + guess + "\"");
                }
                UUID theirs = TestCalls.insert(OTHER);
                UUID mine = TestCalls.insert(OWN);
                try {
                    org.postgresql.PGNotification[] heard = c.unwrap(PGConnection.class).getNotifications(1_500);
                    assertThat(heard == null ? List.<String>of() : Stream.of(heard).map(org.postgresql.PGNotification::getName).toList())
                            .as("%s heard on guessed channels", role).isEmpty();
                    assertThat(own).as("its own channel is not guessable from the organization id").doesNotContain(OWN.toString().replace("-", ""));
                    // Writing into its own channel is harmless: a console fetches what a payload names through its own role.
                    Attempt fake = attack(as(role), h -> h.createQuery("select count(*) from public.calls where id = ?").bind(0, theirs)
                            .mapTo(Integer.class).one());
                    assertThat(fake.touchedNothing()).isTrue();
                } finally {
                    TestWorkspace.owner().useHandle(h -> h.execute("delete from calls where id in (?, ?)", theirs, mine));
                }
            }
        }
    }

    @AfterAll
    static void report() throws Exception {
        String line = "attack suite: " + ATTEMPTS.get() + " attempts as console logins of one organization (each must be refused or find nothing)";
        System.out.println(line);
        java.nio.file.Path out = java.nio.file.Path.of("target", "attack-suite.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, line + "\n");
    }

    // Helpers -------------------------------------------------------------------------------------

    /** The column that says whose a row is: org_id, or the organization's own id. */
    private static String scopeColumn(String table) {
        boolean hasOrg = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select exists (select 1 from information_schema.columns
                                       where table_schema || '.' || table_name = :t and column_name = 'org_id')""")
                .bind("t", table).mapTo(Boolean.class).one());
        return switch (table) {
            case "public.organizations" -> "id";
            case "public.knowledge_base_chunks", "public.knowledge_base_changelog" -> "(select k.org_id from public.knowledge_base k where k.id = knowledge_base_id)";
            default -> hasOrg ? "org_id" : "null::uuid";
        };
    }

    private static List<String> policies(String table) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select quote_ident(policyname) from pg_policies where schemaname || '.' || tablename = :t order by 1")
                .bind("t", table).mapTo(String.class).list());
    }

    private static String firstColumn(String table) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select column_name from information_schema.columns
                        where table_schema || '.' || table_name = :t order by ordinal_position limit 1""")
                .bind("t", table).mapTo(String.class).one());
    }

    private static long othersRows(String table, String scope) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from " + table + " where " + scope
                + " is distinct from '" + OWN + "'").mapTo(Long.class).one());
    }

    /** The rows of the table that are the caller's organization's, or nobody's (shared configuration). */
    private static long ownOrSharedRows(String table, String scope) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from " + table + " where " + scope
                + " is null or " + scope + " = '" + OWN + "'").mapTo(Long.class).one());
    }

    private static long copyRows(Handle h, String sql) {
        try {
            return h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut(sql, java.io.Writer.nullWriter());
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String copyOut(Handle h, String sql) {
        try {
            StringWriter out = new StringWriter();
            h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
            return out.toString();
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long copyIn(Handle h, String sql, String data) {
        try {
            return h.getConnection().unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(data));
        } catch (java.sql.SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
