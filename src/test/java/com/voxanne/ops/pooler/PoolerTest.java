package com.voxanne.ops.pooler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestCalls;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.db.SqlErrors;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.live.ChangeFeed;
import com.voxanne.ops.embedded.EmbeddedServer.DemoLogin;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console through Debian's PgBouncer 1.18 with its default settings (issue 13): in session
 * mode everything works, the live floor included; in transaction mode everything but the live
 * notices works, with no prepared-statement errors, and the feed says it is polling instead of
 * staying silent; a connection the pooler refuses is explained in its own words.
 */
@org.junit.jupiter.api.Tag("debian-packages")
class PoolerTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static PgBouncer session;
    private static PgBouncer transaction;
    private static DemoLogin login;

    @BeforeAll
    static void start() {
        assertThat(PgBouncer.installed()).as("Debian's pgbouncer package (.ci/run installs it)").isTrue();
        login = TestWorkspace.login("harley", "manager");
        Map<String, String> secrets = TestWorkspace.owner().withHandle(h -> h.createQuery(
                        "select rolname, rolpassword from pg_authid where rolname = :r")
                .bind("r", login.loginRole()).setMapKeyColumn("rolname").setMapValueColumn("rolpassword")
                .collectInto(new org.jdbi.v3.core.generic.GenericType<Map<String, String>>() { }));
        session = PgBouncer.start("session", secrets);
        transaction = PgBouncer.start("transaction", secrets);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        TestCalls.deleteAll();
        if (session != null) {
            session.close();
        }
        if (transaction != null) {
            transaction.close();
        }
    }

    private static ConsoleDatabase through(PgBouncer bouncer) {
        return ConsoleDatabase.open(new ConnectionSettings(bouncer.jdbcUrl(), login.loginRole()), login.password().toCharArray(),
                "pooler-" + UUID.randomUUID());
    }

    @Test
    void inSessionModeEverythingWorksTheLiveFloorIncluded() throws Exception {
        try (ConsoleDatabase db = through(session); ChangeFeed feed = new ChangeFeed(() -> db.openDedicated("voxconsole-live"))) {
            assertThat(db.sharesSessions()).as("a session-mode pooler keeps each client's session").isFalse();
            assertThat(TestWorkspace.as("harley", "manager").sharesSessions()).as("nor does the server itself").isFalse();
            assertThat(new CallLogService(db.jdbi()).page(CallLogQuery.firstPage(HARLEY, 50))).hasSize(50);
            List<Change> heard = new CopyOnWriteArrayList<>();
            feed.subscribe(Set.of("calls"), heard::addAll);
            feed.start();
            awaitMode(feed);
            assertThat(feed.mode()).isEqualTo(ChangeFeed.Mode.LIVE);
            UUID call = TestCalls.insert(HARLEY);
            awaitHeard(heard, call, 5_000);
        }
    }

    @Test
    void inTransactionModeReadsWorkAndTheFeedSaysItPolls() throws Exception {
        try (ConsoleDatabase db = through(transaction)) {
            assertThat(db.sharesSessions()).as("a transaction-mode pooler hands sessions around").isTrue();
            // Four threads, 200 reads: named server-side statements would collide here ("S_1" already exists).
            ExecutorService pool = Executors.newFixedThreadPool(4);
            AtomicInteger failures = new AtomicInteger();
            List<Future<?>> reads = new ArrayList<>();
            CallLogService log = new CallLogService(db.jdbi());
            for (int i = 0; i < 200; i++) {
                int n = i;
                reads.add(pool.submit(() -> {
                    try {
                        CallLogQuery q = CallLogQuery.firstPage(HARLEY, 20);
                        assertThat(n % 3 == 0 ? log.page(q.withText("appointment")) : log.page(q)).isNotEmpty();
                    } catch (RuntimeException | AssertionError e) {
                        failures.incrementAndGet();
                        throw e;
                    }
                }));
            }
            for (Future<?> f : reads) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(failures).hasValue(0);

            try (ChangeFeed feed = new ChangeFeed(() -> db.openDedicated("voxconsole-live"))) {
                List<ChangeFeed.Mode> modes = new CopyOnWriteArrayList<>();
                List<Change> heard = new CopyOnWriteArrayList<>();
                feed.onMode(modes::add);
                feed.subscribe(Set.of("calls"), heard::addAll);
                feed.start();
                awaitMode(feed);
                assertThat(modes).containsExactly(ChangeFeed.Mode.POLLING);
                UUID call = TestCalls.insert(HARLEY);
                awaitHeard(heard, call, 3 * ChangeFeed.POLL_MS);
            }
        }
    }

    @Test
    void aConnectionThePoolerRefusesIsExplainedInItsOwnWords() {
        Properties props = new Properties();
        props.setProperty("user", login.loginRole());
        props.setProperty("password", login.password());
        props.setProperty("options", "-c statement_timeout=1000");
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> DriverManager.getConnection(session.jdbcUrl(), props).close());
        assertThat(refused).isInstanceOf(SQLException.class);
        assertThat(SqlErrors.describe(refused, "127.0.0.1")).isEqualTo(
                "The database server at 127.0.0.1 refused the connection: unsupported startup parameter: options.");

        assertThatThrownBy(() -> ConsoleDatabase.open(new ConnectionSettings(session.jdbcUrl(), "nobody_here"), "x".toCharArray(), "p"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("refused");
    }

    private static void awaitMode(ChangeFeed feed) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (feed.mode() == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private static void awaitHeard(List<Change> heard, UUID call, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline) {
            if (heard.stream().anyMatch(c -> c.ids().contains(call))) {
                return;
            }
            Thread.sleep(20);
        }
        assertThat(heard).as("the new call reached the feed").anyMatch(c -> c.ids().contains(call));
    }
}
