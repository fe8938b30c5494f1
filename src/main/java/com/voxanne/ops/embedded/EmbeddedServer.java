package com.voxanne.ops.embedded;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.demo.DemoDataGenerator;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.logins.ConsoleLogins;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo workspace: a real PostgreSQL 17 (zonky's binaries from Maven Central) whose data
 * directory lives in the user's application-data folder and is kept between runs. First start
 * runs initdb, migrates, seeds demo data and creates the demo logins; later starts only migrate.
 *
 * <p>zonky's defaults suit throw-away test databases; a kept workspace needs more: fsync and
 * synchronous commit back on, 127.0.0.1 only, SCRAM passwords from the very first start (initdb
 * gets --auth-host/--auth-local and a password file, so no trust window), and recovery from a
 * crashed console or server.
 */
public final class EmbeddedServer implements AutoCloseable {

    public static final String DATABASE = "voxanne";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final ServerSecrets secrets;
    private final Path directory;

    private EmbeddedServer(EmbeddedPostgres postgres, ServerSecrets secrets, Path directory) {
        this.postgres = postgres;
        this.secrets = secrets;
        this.directory = directory;
    }

    /** A demo login as `db start` prints it. */
    public record DemoLogin(String loginRole, String password, String organization, String role) {
    }

    /**
     * Starts (and on first use creates) the workspace in {@code directory}.
     *
     * @param port 0 picks a free port
     * @param demo what to seed when the workspace is new; null for an empty server (the one that holds bundles under review)
     */
    public static EmbeddedServer start(Path directory, int port, DemoOptions demo) {
        return start(directory, port, demo, callsWritten -> { });
    }

    /** As {@link #start(Path, int, DemoOptions)}, reporting seeding progress (calls written so far). */
    public static EmbeddedServer start(Path directory, int port, DemoOptions demo, LongConsumer seedProgress) {
        try {
            return startChecked(directory, port, demo, seedProgress);
        } catch (IOException e) {
            throw new UserFacingException("The demo database could not start: " + e.getMessage(), e);
        }
    }

    private static EmbeddedServer startChecked(Path directory, int port, DemoOptions demo, LongConsumer seedProgress)
            throws IOException {
        refuseRootWithoutUserNamespaces();
        Path pgData = directory.resolve("pgdata");
        Path bootstrapped = directory.resolve("bootstrap.done");
        Path secretsFile = directory.resolve("secrets.properties");
        if (Files.exists(pgData) && !Files.exists(bootstrapped)) {
            // A first start that died half way holds nothing worth keeping: begin again.
            LOG.warn("Workspace {} was never fully created; creating it again", directory);
            deleteTree(pgData);
            Files.deleteIfExists(secretsFile);
        }
        Files.createDirectories(directory);
        boolean fresh = !Files.exists(pgData.resolve("PG_VERSION"));
        ServerSecrets secrets = ServerSecrets.load(secretsFile).orElse(null);
        if (secrets == null) {
            if (!fresh) {
                throw new UserFacingException("The workspace's password file " + secretsFile + " is missing, so its server cannot be opened.");
            }
            secrets = ServerSecrets.create(secretsFile);
            secrets.save();
        }
        refuseIfOpenElsewhere(pgData);
        refuseIfPortTaken(port);
        StaleServerRecovery.recover(pgData);

        Path passwordFile = directory.resolve("initdb-password.tmp");
        if (fresh) {
            writeOwnerOnly(passwordFile, secrets.superuserPassword());
        }
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // A kept workspace must survive power loss: undo zonky's -F and async commit.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    // A local workspace has no replicas to feed: minimal WAL lets bulk loads into tables
                    // emptied in the same transaction skip the log, and a larger WAL keeps checkpoints
                    // out of the middle of a million-call seed.
                    .setServerConfig("wal_level", "minimal")
                    .setServerConfig("max_wal_senders", "0")
                    .setServerConfig("max_wal_size", "2GB")
                    // initdb: SCRAM for every connection from the start, superuser password from a file.
                    .setLocaleConfig("auth-host", "scram-sha-256")
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("pwfile", passwordFile.toString())
                    .setConnectConfig("password", secrets.superuserPassword())
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile()))
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        EmbeddedServer workspace = new EmbeddedServer(postgres, secrets, directory);
        try {
            if (fresh || !Files.exists(bootstrapped)) {
                workspace.bootstrap(demo, seedProgress);
                Files.writeString(bootstrapped, "created\n");
            } else if (workspace.hasEarlierLayout()) {
                // Consoles before the platform/console split kept their schema in public; the demo
                // is generated, so it is simply made again in the current layout.
                LOG.info("The demo workspace has the schema layout of an earlier console; making it again");
                workspace.dropDemoDatabase();
                workspace.bootstrap(demo, seedProgress);
            } else {
                SchemaMigrator.migrate(workspace.ownerDataSource());
                if (demo != null) {
                    workspace.addMissingDemoLogins();
                }
            }
        } catch (RuntimeException | IOException e) {
            workspace.close();
            throw e;
        }
        return workspace;
    }

    private void bootstrap(DemoOptions demo, LongConsumer seedProgress) {
        LOG.info("Creating the {} in {}", demo == null ? "review server" : "demo workspace", directory);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
        } catch (SQLException e) {
            throw new UserFacingException("The demo database could not be created: " + e.getMessage(), e);
        }
        SchemaMigrator.migrate(ownerDataSource());
        if (demo == null) {
            return;
        }
        Jdbi owner = Jdbi.create(ownerDataSource());
        // A workspace whose first start does not finish is wiped and made again, so its load need
        // not be one transaction: the calls go in through one connection per core.
        int streams = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        var logins = new DemoDataGenerator(demo).onProgress(seedProgress).generateInParallel(owner, streams);
        owner.useHandle(h -> {
            for (var login : logins) {
                String password = secrets.loginPasswordOrNew(login.loginRole());
                ConsoleLogins.create(h, login.loginRole(), login.email(), password.toCharArray());
            }
        });
        saveDemoPasswords();
    }

    private void saveDemoPasswords() {
        try {
            secrets.save();
        } catch (IOException e) {
            throw new UserFacingException("The demo passwords could not be saved: " + e.getMessage(), e);
        }
    }

    /**
     * A workspace made by an earlier console lacks the demo logins added since (the second manager):
     * each is linked to a profile of its organization and role that has no login yet, so the demo
     * need not be made again.
     */
    private void addMissingDemoLogins() {
        int added = Jdbi.create(ownerDataSource()).inTransaction(h -> {
            var have = ConsoleLogins.list(h).stream().map(ConsoleLogins.Login::loginRole).collect(java.util.stream.Collectors.toSet());
            int made = 0;
            for (var planned : DemoDataGenerator.plannedLogins()) {
                if (have.contains(planned.loginRole())) {
                    continue;
                }
                var email = h.createQuery("""
                                select p.email from public.profiles p join public.organizations o on o.id = p.org_id
                                where o.name = :org and p.role = :role
                                  and not exists (select 1 from voxconsole.console_logins l where l.profile_id = p.id)
                                order by p.email limit 1""")
                        .bind("org", planned.organization()).bind("role", planned.role()).mapTo(String.class).findOne();
                if (email.isPresent()) {
                    ConsoleLogins.create(h, planned.loginRole(), email.get(), secrets.loginPasswordOrNew(planned.loginRole()).toCharArray());
                    made++;
                }
            }
            if (made > 0) {
                // Saved before the logins commit: a password that could not be kept leaves no login nobody can use.
                saveDemoPasswords();
            }
            return made;
        });
        if (added > 0) {
            LOG.info("Added {} demo logins this console has and the workspace lacked", added);
        }
    }

    private boolean hasEarlierLayout() {
        return Jdbi.create(ownerDataSource()).withHandle(h -> h.createQuery(
                "select to_regclass('public.flyway_schema_history') is not null").mapTo(Boolean.class).one());
    }

    private void dropDemoDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("drop database " + DATABASE + " with (force)");
            // Its logins are the server's, not the database's: made again with the data.
            List<String> logins = new java.util.ArrayList<>();
            try (var rs = s.executeQuery("select quote_ident(rolname) from pg_roles where rolname like 'demo\\_%'")) {
                while (rs.next()) {
                    logins.add(rs.getString(1));
                }
            }
            for (String login : logins) {
                s.execute("drop role " + login);
            }
        } catch (SQLException e) {
            throw new UserFacingException("The demo database could not be made again: " + e.getMessage(), e);
        }
    }

    /** The superuser, who owns the schema here. For migrations, seeding and operator tasks only. */
    public DataSource ownerDataSource() {
        return ownerDataSource(DATABASE);
    }

    /** The superuser on another database of this server (offline review databases live beside the demo). */
    public DataSource ownerDataSource(String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {postgres.getPort()});
        ds.setDatabaseName(database);
        ds.setUser(SUPERUSER);
        ds.setPassword(secrets.superuserPassword());
        ds.setApplicationName("voxconsole-owner");
        return ds;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database;
    }

    /** Keeps a password of this workspace (a review login's, say) in its owner-only secrets file. */
    public String rememberLoginPassword(String loginRole) {
        String password = secrets.loginPasswordOrNew(loginRole);
        try {
            secrets.save();
        } catch (IOException e) {
            throw new UserFacingException("The workspace's password file could not be written: " + e.getMessage(), e);
        }
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    /** The demo logins with their passwords, one per organization and role that has one. */
    public List<DemoLogin> demoLogins() {
        return Jdbi.create(ownerDataSource()).withHandle(h -> ConsoleLogins.list(h).stream()
                .filter(l -> secrets.loginPassword(l.loginRole()).isPresent())
                .map(l -> new DemoLogin(l.loginRole(), secrets.loginPassword(l.loginRole()).orElseThrow(), l.organization(), l.role()))
                .toList());
    }

    /** The postmaster's pid, for crash tests and diagnostics. */
    public long serverPid() throws IOException {
        return Long.parseLong(Files.readAllLines(directory.resolve("pgdata").resolve("postmaster.pid")).get(0).trim());
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The demo database did not shut down cleanly", e);
        }
    }

    private static void refuseRootWithoutUserNamespaces() {
        if (isRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new UserFacingException("PostgreSQL refuses to run as root and this system cannot run it in a user namespace: start the console as a normal user.");
        }
    }

    /**
     * zonky holds a file lock on the data directory while its server runs; the lock dies with the
     * process. A held lock therefore means a live console owns this workspace, and its server must
     * not be mistaken for an orphan.
     */
    private static void refuseIfOpenElsewhere(Path pgData) throws IOException {
        Path lockFile = pgData.resolve("epg-lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE)) {
            var lock = channel.tryLock();
            if (lock == null) {
                throw new InUse("This demo workspace is already open in another console: close that one first.");
            }
            lock.release();
        } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
            throw new InUse("This demo workspace is already open in this console.");
        }
    }

    /** The workspace's server is running for another console (or this one): a caller may go elsewhere instead. */
    public static final class InUse extends UserFacingException {
        InUse(String sentence) {
            super(sentence);
        }
    }

    private static void refuseIfPortTaken(int port) {
        if (port == 0) {
            return;
        }
        try (var socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
        } catch (IOException taken) {
            throw new UserFacingException("Port " + port + " is already in use: choose another with --port, or leave it out to use a free one.");
        }
    }

    static boolean isRoot() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            return false;
        }
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException windows) {
            Files.createFile(file);
        }
        Files.writeString(file, content + "\n");
    }

    /** Deletes a workspace folder of a server that is closed (a throwaway review server's). */
    public static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            deleteTree(directory);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
