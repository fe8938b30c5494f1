package com.voxanne.ops.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.demo.DemoOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The demo workspace keeps what was committed through restarts, crashes of the server, the console, or both. */
class EmbeddedServerTest {

    private static final DemoOptions SMALL = new DemoOptions(7, 300, LocalDate.of(2026, 11, 1));

    private static Path freshDir(String name) {
        return TestWorkspace.root().resolve(name + "-" + UUID.randomUUID());
    }

    @Test
    void keepsItsDataAcrossRestartsAndIsLockedDown() throws Exception {
        Path dir = freshDir("restart");
        int calls;
        try (EmbeddedServer ws = EmbeddedServer.start(dir, 0, SMALL)) {
            calls = count(ws, "select count(*) from calls");
            mark(ws, "kept_after_restart");
            // As a workspace made before the second manager's login was: it is added on the next start.
            Jdbi.create(ws.ownerDataSource()).useHandle(h -> {
                h.execute("delete from voxconsole.console_logins where login_role = 'demo_harley_manager2'");
                h.execute("drop role demo_harley_manager2");
            });
            Jdbi owner = Jdbi.create(ws.ownerDataSource());
            assertThat(one(owner, "show fsync", String.class)).isEqualTo("on");
            assertThat(one(owner, "show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(one(owner, "show listen_addresses", String.class)).isEqualTo("127.0.0.1");
            assertThat(one(owner, "select count(*) from pg_hba_file_rules where auth_method <> 'scram-sha-256'", Integer.class)).as("no trust or md5 rule").isZero();
            assertThat(one(owner, "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'demo_harley_user'", Boolean.class)).isTrue();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("secrets.properties")))).isEqualTo("rw-------");
        assertThat(dir.resolve("initdb-password.tmp")).doesNotExist();
        try (EmbeddedServer ws = EmbeddedServer.start(dir, 0, SMALL)) {
            assertThat(marked(ws, "kept_after_restart")).isTrue();
            assertThat(count(ws, "select count(*) from calls")).as("not seeded twice").isEqualTo(calls);
            assertThat(ws.demoLogins()).hasSize(8);
            var second = ws.demoLogins().stream().filter(l -> l.loginRole().equals("demo_harley_manager2")).findFirst().orElseThrow();
            assertThat(second.role()).isEqualTo("manager");
            try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(ws.jdbcUrl(), second.loginRole()), second.password().toCharArray(),
                    "second-manager")) {
                String role = one(db.jdbi(), "select role from profiles where id = voxconsole.current_profile_id()", String.class);
                String first = one(Jdbi.create(ws.ownerDataSource()), "select p.email from public.profiles p"
                        + " join voxconsole.console_logins l on l.profile_id = p.id where l.login_role = 'demo_harley_manager'", String.class);
                String mine = one(db.jdbi(), "select email from profiles where id = voxconsole.current_profile_id()", String.class);
                assertThat(role).isEqualTo("manager");
                assertThat(mine).as("another manager than the first").isNotEqualTo(first);
            }
        }
    }

    @Test
    void aSecondConsoleOnTheSameWorkspaceIsRefusedAndTheFirstKeepsWorking() throws Exception {
        Path dir = freshDir("twice");
        try (ChildConsole first = ChildConsole.start(dir)) {
            first.awaitReady();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedServer.start(dir, 0, SMALL))
                    .hasMessage("This demo workspace is already open in another console: close that one first.");
            markDirect(first.awaitReady(), dir, "first_console_still_serves");
        }
    }

    @Test
    void aPortInUseIsOneSentence() throws Exception {
        try (var taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> EmbeddedServer.start(freshDir("port"), taken.getLocalPort(), SMALL))
                    .hasMessage("Port " + taken.getLocalPort() + " is already in use: choose another with --port, or leave it out to use a free one.");
        }
    }

    @Test
    void aWorkspaceWhoseFirstStartDiedHalfWayIsCreatedAgain() throws Exception {
        Path dir = freshDir("half");
        try (EmbeddedServer ws = EmbeddedServer.start(dir, 0, SMALL)) {
            mark(ws, "from_the_broken_start");
        }
        Files.delete(dir.resolve("bootstrap.done"));
        try (EmbeddedServer ws = EmbeddedServer.start(dir, 0, SMALL)) {
            assertThat(marked(ws, "from_the_broken_start")).isFalse();
            assertThat(count(ws, "select count(*) from calls")).isEqualTo(300);
        }
    }

    @Test
    void survivesKillMinusNineOfTheServer() throws Exception {
        Path dir = freshDir("kill-server");
        EmbeddedServer ws = EmbeddedServer.start(dir, 0, SMALL);
        mark(ws, "committed_before_server_crash");
        kill9(ws.serverPid());
        ws.close();
        try (EmbeddedServer again = EmbeddedServer.start(dir, 0, SMALL)) {
            assertThat(marked(again, "committed_before_server_crash")).isTrue();
        }
    }

    @Test
    void survivesKillMinusNineOfTheConsole() throws Exception {
        crashConsoleThenRestart("kill-console", false);
    }

    @Test
    void survivesKillMinusNineOfConsoleAndServerTogether() throws Exception {
        crashConsoleThenRestart("kill-both", true);
    }

    /** Commits a row through a console in its own JVM, kills it (and its server too, if asked), and starts again. */
    private static void crashConsoleThenRestart(String name, boolean killServerToo) throws Exception {
        Path dir = freshDir(name);
        try (ChildConsole console = ChildConsole.start(dir)) {
            markDirect(console.awaitReady(), dir, "committed_before_" + name.replace('-', '_'));
            long postmaster = pid(dir);
            if (killServerToo) {
                kill9(postmaster);
            }
            console.kill9();
            if (!killServerToo) {
                assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("the server outlives the killed console").contains(true);
            }
        }
        try (EmbeddedServer again = EmbeddedServer.start(dir, 0, SMALL)) {
            assertThat(marked(again, "committed_before_" + name.replace('-', '_'))).isTrue();
        }
    }

    @Test
    void startsAsANormalUserAndPrintsWorkingLogins() throws Exception {
        assumeThat(EmbeddedServer.isRoot()).as("dropping to another user needs root (CI runs as root)").isTrue();
        Path sandbox = Files.createTempDirectory("voxconsole-nobody-");
        String classPath = copyClassPathFor(sandbox);
        Path data = sandbox.resolve("workspace");
        Path home = sandbox.resolve("home");
        Files.createDirectories(data);
        Files.createDirectories(home);
        for (Path p : List.of(sandbox, data, home)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        List<String> asNobody = List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
        try (ChildConsole console = ChildConsole.start(data, asNobody, classPath, home)) {
            String url = console.awaitReady();
            List<String> logins = console.loginLines(8);
            assertThat(logins).hasSize(8);
            String[] login = logins.stream().filter(l -> l.contains("demo_harley_user")).findFirst().orElseThrow().split(" ");
            try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(url, login[1]), login[2].toCharArray(), "as-nobody")) {
                assertThat(one(db.jdbi(), "select count(*) from calls", Integer.class)).isPositive();
            }
            assertThat(Files.getOwner(data.resolve("pgdata")).getName()).isEqualTo("nobody");
            console.stopGracefully();
        }
        assertThat(data.resolve("pgdata").resolve("postmaster.pid")).as("the server was shut down with the console").doesNotExist();
    }

    // Helpers -------------------------------------------------------------------------------------

    private static <T> T one(Jdbi jdbi, String sql, Class<T> type) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(type).one());
    }

    private static void mark(EmbeddedServer ws, String name) {
        Jdbi.create(ws.ownerDataSource()).useHandle(h -> h.execute("insert into feature_flags (name, enabled) values (?, true)", name));
    }

    private static boolean marked(EmbeddedServer ws, String name) {
        return Jdbi.create(ws.ownerDataSource()).withHandle(h -> h.createQuery("select exists (select 1 from feature_flags where name = :n)")
                .bind("n", name).mapTo(Boolean.class).one());
    }

    private static int count(EmbeddedServer ws, String sql) {
        return Jdbi.create(ws.ownerDataSource()).withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    /** Commits a marker through the superuser of a workspace run by another process. */
    private static void markDirect(String url, Path dir, String name) throws IOException, SQLException {
        String password = ServerSecrets.load(dir.resolve("secrets.properties")).orElseThrow().superuserPassword();
        try (Connection c = DriverManager.getConnection(url, "postgres", password); Statement s = c.createStatement()) {
            s.execute("insert into feature_flags (name, enabled) values ('" + name + "', true)");
        }
    }

    private static long pid(Path dir) throws IOException {
        return Long.parseLong(Files.readAllLines(dir.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }

    private static void kill9(long pid) throws Exception {
        ProcessHandle p = ProcessHandle.of(pid).orElseThrow();
        p.destroyForcibly();
        p.onExit().get(30, TimeUnit.SECONDS);
    }

    /** The test class path copied where an unprivileged user can read it (~/.m2 of root is private). */
    private static String copyClassPathFor(Path sandbox) throws IOException {
        Path lib = sandbox.resolve("classpath");
        Files.createDirectories(lib);
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(ChildConsole.pathSeparator())) {
            Path source = Path.of(entry);
            if (!Files.exists(source)) {
                continue;
            }
            Path target = lib.resolve((i++) + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                try (var walk = Files.walk(source)) {
                    for (Path p : walk.toList()) {
                        Path t = target.resolve(source.relativize(p).toString());
                        if (Files.isDirectory(p)) {
                            Files.createDirectories(t);
                        } else {
                            Files.copy(p, t);
                        }
                    }
                }
            } else {
                Files.copy(source, target);
            }
            entries.add(target.toString());
        }
        try (var walk = Files.walk(lib)) {
            for (Path p : walk.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        return String.join(ChildConsole.pathSeparator(), entries);
    }
}
