package com.voxanne.ops;

import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.embedded.EmbeddedServer.DemoLogin;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * One real embedded PostgreSQL for the whole test run, created fresh, migrated and seeded with the
 * demo generator exactly as a supervisor's first start would. Tests reach it as the owner or as
 * any demo login, through the same pooled path the console uses.
 */
public final class TestWorkspace {

    /** Small enough to create in seconds, large enough for paging and plans to be meaningful. */
    public static final int CALLS = 6_000;
    public static final LocalDate ANCHOR = LocalDate.of(2026, 11, 1);

    private static EmbeddedServer workspace;
    private static final Map<String, ConsoleDatabase> LOGINS = new ConcurrentHashMap<>();

    private TestWorkspace() {
    }

    public static synchronized EmbeddedServer get() {
        if (workspace == null) {
            Path dir = root().resolve("shared-" + UUID.randomUUID());
            workspace = EmbeddedServer.start(dir, 0, new DemoOptions(DemoOptions.DEFAULT_SEED, CALLS, ANCHOR));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                LOGINS.values().forEach(ConsoleDatabase::close);
                workspace.close();
            }));
        }
        return workspace;
    }

    /** A folder under target/ for workspaces of this run. */
    /** A port nothing listens on right now: for servers started by a test, or for "unreachable" on purpose. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("voxconsole.test.dir", "target/test-workspace"));
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** The demo's platform tables as the catalog has them (they have every column the console reads). */
    public static synchronized com.voxanne.ops.catalog.PlatformColumns columns() {
        if (columns == null) {
            columns = com.voxanne.ops.catalog.PlatformColumns.read(owner());
        }
        return columns;
    }

    /** The contacts service wired as the console wires it: with the call log and the pipeline it shows a contact's details from. */
    public static com.voxanne.ops.contacts.ContactService contactService(org.jdbi.v3.core.Jdbi jdbi) {
        return new com.voxanne.ops.contacts.ContactService(jdbi, new com.voxanne.ops.calls.CallLogService(jdbi),
                new com.voxanne.ops.leads.LeadService(jdbi, columns()));
    }

    /** The appointments service wired as the console wires it, with the call log that finds a booking call. */
    public static com.voxanne.ops.appointments.AppointmentService appointmentService(org.jdbi.v3.core.Jdbi jdbi) {
        return new com.voxanne.ops.appointments.AppointmentService(jdbi, new com.voxanne.ops.calls.CallLogService(jdbi));
    }

    private static com.voxanne.ops.catalog.PlatformColumns columns;

    public static Jdbi owner() {
        return Jdbi.create(get().ownerDataSource()).installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }

    public static List<DemoLogin> demoLogins() {
        return get().demoLogins();
    }

    public static DemoLogin login(String slug, String role) {
        String name = "demo_" + slug + "_" + role;
        return demoLogins().stream().filter(l -> l.loginRole().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no demo login " + name));
    }

    /** The console's own pooled connection for a demo login ("harley"/"brightside", "admin"/"manager"/"user"). */
    public static ConsoleDatabase as(String slug, String role) {
        DemoLogin login = login(slug, role);
        return LOGINS.computeIfAbsent(login.loginRole(), k -> ConsoleDatabase.open(
                new ConnectionSettings(get().jdbcUrl(), login.loginRole()), login.password().toCharArray(), "test-" + k));
    }

    public static UUID orgId(String name) {
        return owner().withHandle(h -> h.createQuery("select id from organizations where name = :n").bind("n", name)
                .mapTo(UUID.class).one());
    }
}
