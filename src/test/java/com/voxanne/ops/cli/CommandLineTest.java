package com.voxanne.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.embedded.ServerSecrets;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The command line as an operator meets it: real JVMs, real exit codes, one sentence on failure. */
class CommandLineTest {

    private static String superPassword;
    private static String serverUrl;

    @BeforeAll
    static void server() throws Exception {
        var ws = TestWorkspace.get();
        superPassword = ServerSecrets.load(ws.directory().resolve("secrets.properties")).orElseThrow().superuserPassword();
        serverUrl = "jdbc:postgresql://127.0.0.1:" + ws.port() + "/";
    }

    private static String newDatabase() {
        String name = "cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        TestWorkspace.owner().useHandle(h -> h.execute("create database " + name));
        return serverUrl + name;
    }

    private static Map<String, String> superuser() {
        return Map.of("PGPASSWORD", superPassword);
    }

    @Test
    void anUnknownOptionIsOneSentenceAndExitTwo() throws Exception {
        CliRun run = CliRun.run("migrate", "--url", "jdbc:postgresql://127.0.0.1/x", "--user", "u", "--frobnicate");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines().get(0)).isEqualTo("Unknown option: '--frobnicate'.");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingBundleGivenAsTheOnlyArgumentIsOneSentence() throws Exception {
        // What a double-click on an installed system passes: the bundle's path and nothing else.
        CliRun run = CliRun.run("/nowhere/calls.voxbundle");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("There is no file /nowhere/calls.voxbundle.");
    }

    @Test
    void anUnreachableServerIsOneSentence() throws Exception {
        int closedPort = TestWorkspace.freePort();
        CliRun run = CliRun.run(Map.of("PGPASSWORD", "x"), null, "migrate", "--url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/voxanne", "--user", "postgres");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("Cannot reach the database server at 127.0.0.1:" + closedPort + ": check that it is running and reachable.");
    }

    @Test
    void aWrongPasswordIsOneSentenceAndIsNeverPrinted() throws Exception {
        CliRun run = CliRun.run(Map.of("PGPASSWORD", "not-the-password-42"), null, "migrate", "--url", serverUrl + "voxanne", "--user", "postgres");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("The server refused the sign-in: wrong login or password.");
        assertThat(run.out() + run.err()).doesNotContain("not-the-password-42");
    }

    @Test
    void aMissingPasswordWithoutATerminalIsExplained() throws Exception {
        CliRun run = CliRun.run("migrate", "--url", serverUrl + "voxanne", "--user", "postgres");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("No password for postgres: set PGPASSWORD or run the command in a terminal to be asked for it.");
    }

    @Test
    void migrateSeedAndUserAddBuildAWorkingServer() throws Exception {
        String url = newDatabase();
        CliRun migrate = CliRun.run(superuser(), null, "migrate", "--url", url, "--user", "postgres");
        assertThat(migrate.exit()).as(migrate.err()).isZero();
        long migrations;
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("resources/db/migration"))) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(migrate.out()).startsWith("Created the platform's 26 tables.").contains("Applied " + migrations + " migration(s)");
        assertThat(CliRun.run(superuser(), null, "migrate", "--url", url, "--user", "postgres").out())
                .startsWith("The console's schema is up to date");

        CliRun seed = CliRun.run(superuser(), null, "seed", "--url", url, "--user", "postgres", "--calls", "250", "--seed", "11");
        assertThat(seed.exit()).as(seed.err()).isZero();
        CliRun again = CliRun.run(superuser(), null, "seed", "--url", url, "--user", "postgres", "--calls", "250");
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.errLines()).containsExactly("The database already has organizations: demo data only goes into an empty database.");

        String email = Jdbi.create(url, "postgres", superPassword).withHandle(h -> h.createQuery(
                "select p.email from profiles p join organizations o on o.id = p.org_id where p.role = 'manager' and o.name = 'Cedar Lane Dermatology' limit 1")
                .mapTo(String.class).one());
        String login = "cli_" + UUID.randomUUID().toString().substring(0, 8);
        CliRun add = CliRun.run(superuser(), "a-long-enough-password\n", "user", "add", "--url", url, "--user", "postgres",
                "--login", login, "--email", email, "--password-stdin");
        assertThat(add.exit()).as(add.err()).isZero();
        assertThat(add.out()).contains("Created login " + login + " (manager of Cedar Lane Dermatology)");
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(url, login), "a-long-enough-password".toCharArray(), "cli-test")) {
            String org = db.jdbi().withHandle(h -> h.createQuery("select org_name from voxconsole.console_session").mapTo(String.class).one());
            assertThat(org).isEqualTo("Cedar Lane Dermatology");
        }
        CliRun duplicate = CliRun.run(superuser(), "a-long-enough-password\n", "user", "add", "--url", url, "--user", "postgres",
                "--login", login, "--email", email, "--password-stdin");
        assertThat(duplicate.exit()).isEqualTo(1);
        assertThat(duplicate.errLines()).containsExactly("The login " + login + " already exists on this server.");
        assertThat(CliRun.run(superuser(), null, "user", "list", "--url", url, "--user", "postgres").out()).contains(login);
    }

    @Test
    void exportThenVerifyExitsZeroThreeOrTwo() throws Exception {
        var login = TestWorkspace.login("brightside", "user");
        java.nio.file.Path dir = TestWorkspace.root().resolve("cli-export-" + UUID.randomUUID());
        java.nio.file.Files.createDirectories(dir);
        java.nio.file.Path bundle = dir.resolve("negative.voxbundle");
        CliRun export = CliRun.run(Map.of("PGPASSWORD", login.password()), null, "export", "--url", TestWorkspace.get().jdbcUrl(),
                "--user", login.loginRole(), "--sentiment", "negative", "--redact", "--out", bundle.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        assertThat(export.out()).startsWith("Exported ").contains("(redacted)");

        CliRun ok = CliRun.run("verify", bundle.toString());
        assertThat(ok.exit()).isZero();
        assertThat(ok.out()).startsWith("The bundle is intact and signed by key ");

        java.nio.file.Path broken = dir.resolve("broken.voxbundle");
        byte[] bytes = java.nio.file.Files.readAllBytes(bundle);
        bytes[bytes.length / 3] ^= 0x20;
        java.nio.file.Files.write(broken, bytes);
        CliRun bad = CliRun.run("verify", broken.toString());
        assertThat(bad.exit()).as(bad.err()).isIn(2, 3);

        CliRun untrusted = CliRun.run("verify", bundle.toString(), "--trust", "00:11:22");
        assertThat(untrusted.exit()).isEqualTo(3);
        assertThat(untrusted.errLines()).singleElement().asString().startsWith("The bundle is intact but was signed by an unknown key");

        java.nio.file.Path text = dir.resolve("notes.voxbundle");
        java.nio.file.Files.writeString(text, "hello");
        CliRun unreadable = CliRun.run("verify", text.toString());
        assertThat(unreadable.exit()).isEqualTo(2);
        assertThat(unreadable.errLines()).containsExactly("The file is not a readable bundle (not a ZIP archive, or damaged).");

        CliRun wrongName = CliRun.run(Map.of("PGPASSWORD", login.password()), null, "export", "--url", TestWorkspace.get().jdbcUrl(),
                "--user", login.loginRole(), "--out", dir.resolve("calls.zip").toString());
        assertThat(wrongName.exit()).isEqualTo(1);
        assertThat(wrongName.errLines()).containsExactly("A bundle file name ends in .voxbundle, for example calls.voxbundle.");
    }

    @Test
    void aMigrationThatFailsLeavesNothingHalfApplied() throws Exception {
        String url = newDatabase();
        // A type in the way of one of the platform's tables makes the platform part fail half way.
        Jdbi.create(url, "postgres", superPassword).useHandle(h -> h.execute("create type public.knowledge_base as (id int)"));
        CliRun run = CliRun.run(superuser(), null, "migrate", "--url", url, "--user", "postgres");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().get(0)).startsWith("The platform's tables could not be created and nothing was changed:");
        int leftovers = Jdbi.create(url, "postgres", superPassword).withHandle(h -> h.createQuery("""
                select count(*) from pg_namespace where nspname = 'voxconsole'""").mapTo(Integer.class).one()
                + h.createQuery("select count(*) from pg_tables where schemaname = 'public'").mapTo(Integer.class).one());
        assertThat(leftovers).as("no schema or table of the migrations remains").isZero();
    }
}
