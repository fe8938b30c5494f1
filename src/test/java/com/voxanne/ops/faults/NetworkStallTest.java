package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.db.SqlErrors;
import com.voxanne.ops.db.Timeouts;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A server that accepts connections and never answers, or stops answering in the middle of a
 * session, ends every wait in one sentence within the timeouts; a slow statement is stopped by the
 * server. The console's own timeouts are seconds longer; these use short ones to keep the test quick.
 */
class NetworkStallTest {

    private static final Timeouts SHORT = new Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(2),
            Duration.ofSeconds(3), Duration.ofSeconds(2));
    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private final DemoCredentials login = new DemoCredentials();

    /** The harley user's credentials, through a proxy on {@code port}. */
    private static final class DemoCredentials {
        final com.voxanne.ops.embedded.EmbeddedServer.DemoLogin demo = TestWorkspace.login("harley", "user");

        ConnectionSettings via(int port) {
            return ConnectionSettings.of("127.0.0.1", port, "voxanne", demo.loginRole());
        }
    }

    @Test
    void signingInToAServerThatNeverAnswersEndsInASentence() throws Exception {
        try (StallingProxy silent = new StallingProxy(TestWorkspace.get().port(), true)) {
            long t0 = System.nanoTime();
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchThrowable(() -> ConsoleDatabase.open(login.via(silent.port()), login.demo.password().toCharArray(), "stall", SHORT)));
            double seconds = (System.nanoTime() - t0) / 1e9;
            assertThat(failure).isInstanceOf(UserFacingException.class)
                    .hasMessage("The database server at 127.0.0.1:" + silent.port() + " did not answer in time.");
            System.out.printf("stall: sign-in to a silent server ended after %.1f s%n", seconds);
        }
    }

    @Test
    void aServerThatStopsAnsweringMidSessionEndsTheRequestAndTheSessionRecovers() throws Exception {
        try (StallingProxy proxy = new StallingProxy(TestWorkspace.get().port(), false);
             ConsoleDatabase db = ConsoleDatabase.open(login.via(proxy.port()), login.demo.password().toCharArray(), "stall", SHORT)) {
            CallLogService calls = new CallLogService(db.jdbi());
            assertThat(calls.page(CallLogQuery.firstPage(HARLEY, 50))).hasSize(50);

            proxy.stall();
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchThrowable(() -> calls.page(CallLogQuery.firstPage(HARLEY, 50))));
            assertThat(failure).as("the request ends").isNotNull();
            assertThat(SqlErrors.describe(failure, "127.0.0.1:" + proxy.port()))
                    .isEqualTo("The database server at 127.0.0.1:" + proxy.port() + " did not answer in time.");
            assertThat(SqlErrors.unreachable(failure)).isTrue();

            proxy.resume();
            // The pool drops the broken connection and makes a new one: the next request works.
            assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> retry(() -> calls.page(CallLogQuery.firstPage(HARLEY, 50)))))
                    .hasSize(50);
        }
    }

    @Test
    void aSlowStatementIsStoppedByTheServerWithItsOwnSentence() {
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(TestWorkspace.get().jdbcUrl(), login.demo.loginRole()),
                login.demo.password().toCharArray(), "slow", SHORT)) {
            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchThrowable(() -> db.jdbi().useHandle(h -> h.createQuery("select pg_sleep(10)").mapTo(String.class).one())));
            assertThat(SqlErrors.describe(failure, "here")).isEqualTo("The database took too long and the request was stopped.");
        }
    }

    private static <T> T retry(java.util.function.Supplier<T> work) {
        RuntimeException last = null;
        for (int i = 0; i < 3; i++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }
}
