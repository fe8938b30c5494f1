package com.voxanne.ops.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The lost-connection banner follows the real server: stopped, it goes offline; back on the same port, online, and the screen refreshes. */
class ConnectionStatusViewModelTest {

    @Test
    void goesOfflineWhenTheServerStopsAndRefreshesWhenItIsBack() throws Exception {
        int port = TestWorkspace.freePort();
        var dir = TestWorkspace.root().resolve("heartbeat-" + UUID.randomUUID());
        DemoOptions demo = new DemoOptions(5, 100, LocalDate.of(2026, 11, 1));
        EmbeddedServer ws = EmbeddedServer.start(dir, port, demo);
        var login = ws.demoLogins().get(0);
        AtomicInteger refreshed = new AtomicInteger();
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(ws.jdbcUrl(), login.loginRole()), login.password().toCharArray(), "hb")) {
            var status = new ConnectionStatusViewModel(new ConnectionCheck(db.dataSource()), Runnable::run, Runnable::run, refreshed::incrementAndGet);
            status.checkNow();
            assertThat(status.onlineProperty().get()).isTrue();

            ws.close();
            status.checkNow();
            assertThat(status.onlineProperty().get()).isFalse();
            assertThat(refreshed.get()).isZero();

            ws = EmbeddedServer.start(dir, port, demo);
            status.checkNow();
            assertThat(status.onlineProperty().get()).isTrue();
            assertThat(refreshed.get()).as("what is on screen is refreshed once the server is back").isEqualTo(1);
        } finally {
            ws.close();
        }
    }

    @Test
    void theQuickCheckFindsTheServersAddressInItsUrl() {
        assertThat(ConnectionCheck.address("jdbc:postgresql://db.example.org:6543/voxanne?ssl=true"))
                .hasValueSatisfying(a -> assertThat(a.getHostString() + ":" + a.getPort()).isEqualTo("db.example.org:6543"));
        assertThat(ConnectionCheck.address("jdbc:postgresql://db.example.org/voxanne"))
                .hasValueSatisfying(a -> assertThat(a.getPort()).isEqualTo(5432));
        assertThat(ConnectionCheck.address("jdbc:postgresql://a:1,b:2/voxanne")).hasValueSatisfying(a -> assertThat(a.getHostString()).isEqualTo("a"));
        assertThat(ConnectionCheck.address("jdbc:postgresql://[::1]:5432/voxanne")).as("IPv6 literals go straight to the pool").isEmpty();
        assertThat(ConnectionCheck.address("jdbc:postgresql://host:notaport/x")).isEmpty();
    }

    @Test
    void aBusyMachineIsNotALostServerButARefusalIs() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> server = new java.util.concurrent.atomic.AtomicReference<>("slow");
        ConnectionCheck check = new ConnectionCheck(null) {
            @Override
            public boolean reachable() {
                if (server.get().equals("slow")) {
                    try {
                        Thread.sleep(2_500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return server.get().equals("up");
            }
        };
        AtomicInteger refreshed = new AtomicInteger();
        var background = java.util.concurrent.Executors.newCachedThreadPool();
        try {
            var status = new ConnectionStatusViewModel(check, background, Runnable::run, refreshed::incrementAndGet);
            checkAndWait(status);
            assertThat(status.onlineProperty().get()).as("one slow answer: a busy machine").isTrue();
            checkAndWait(status);
            assertThat(status.onlineProperty().get()).as("two in a row: the server does not answer").isFalse();
            server.set("up");
            checkAndWait(status);
            assertThat(status.onlineProperty().get()).isTrue();
            assertThat(refreshed.get()).isEqualTo(1);
            server.set("refused");
            checkAndWait(status);
            assertThat(status.onlineProperty().get()).as("a refusal: at once").isFalse();
        } finally {
            background.shutdownNow();
        }
    }

    /** One check, and its answer (or its two-second limit) applied. */
    private static void checkAndWait(ConnectionStatusViewModel status) throws Exception {
        status.checkNow().get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
}
