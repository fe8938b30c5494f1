package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallDao;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.db.Supersedable;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * Slow queries and impatient clicks: every page query here takes three seconds in the server. Ten
 * filters clicked 300 ms apart leave one query working: each newer click stops the one before it in
 * the server instead of queueing behind it in the pool, and the log ends on the last filter with
 * no error shown.
 */
class SupersededQueriesTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final String SLOW = "select pg_sleep(3) /* superseded-queries-test */";

    @Test
    void aBurstOfFiltersLeavesOneQueryWorkingNotAQueue() throws Exception {
        var login = TestWorkspace.login("harley", "user");
        Jdbi jdbi = TestWorkspace.as("harley", "user").jdbi();
        AtomicInteger stopped = new AtomicInteger();
        AtomicInteger neverStarted = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        CallLogService slow = new CallLogService(jdbi) {
            @Override
            public List<CallSummary> page(CallLogQuery query, Supersedable ticket) {
                try {
                    return jdbi.withHandle(h -> ticket.run(h, () -> {
                        h.createQuery(SLOW).mapTo(String.class).one();
                        List<CallSummary> page = h.attach(CallDao.class).page(query);
                        finished.incrementAndGet();
                        return page;
                    }));
                } catch (CancellationException e) {
                    neverStarted.incrementAndGet();
                    throw e;
                } catch (RuntimeException e) {
                    if (com.voxanne.ops.db.SqlErrors.describe(e, "").equals("The database took too long and the request was stopped.")) {
                        stopped.incrementAndGet();
                    }
                    throw e;
                }
            }
        };
        ExecutorService background = Executors.newCachedThreadPool();
        ExecutorService fx = Executors.newSingleThreadExecutor();
        try {
            CallsViewModel log = new CallsViewModel(slow, background, fx, HARLEY, ZoneId.of("Europe/London"));
            List<CallFilter> clicks = List.of("refund", "booking", "price", "pain", "cancel", "crown", "clean", "brace", "late", "appointment")
                    .stream().map(CallFilter.NONE::withText).toList();
            // A click every 300 ms: each query is working in the server when the next click comes.
            for (CallFilter click : clicks) {
                fx.submit(() -> log.apply(click)).get();
                Thread.sleep(300);
                // The "JavaFX thread" never waits on the database: it answers while the queries work.
                fx.submit(() -> log.rows().size()).get(2, TimeUnit.SECONDS);
            }
            int working = jdbi.withHandle(h -> h.createQuery("""
                            select count(*) from pg_stat_activity
                            where usename = :u and state = 'active' and query like '%superseded-queries-test%' and pid <> pg_backend_pid()""")
                    .bind("u", login.loginRole()).mapTo(Integer.class).one());
            assertThat(working).as("queries still working in the server after ten clicks").isEqualTo(1);

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (fx.submit(() -> log.loadingProperty().get()).get() && System.nanoTime() < until) {
                Thread.sleep(50);
            }
            assertThat(fx.submit(() -> log.filterProperty().get()).get()).isEqualTo(clicks.get(clicks.size() - 1));
            assertThat(fx.submit(() -> log.rows().isEmpty()).get()).as("the last filter's calls").isFalse();
            assertThat(fx.submit(() -> log.errorProperty().get()).get()).as("a stopped query is no error to show").isEmpty();
            assertThat(finished.get()).as("only the last query ran to its end").isEqualTo(1);
            assertThat(stopped.get() + neverStarted.get()).as("the nine before it were stopped or never ran").isEqualTo(9);
            assertThat(stopped.get()).as("stopped in the server while working").isPositive();
            System.out.printf("superseded: ten filters clicked 300 ms apart; %d queries stopped in the server, %d never started, 1 answered%n",
                    stopped.get(), neverStarted.get());
        } finally {
            fx.shutdownNow();
            background.shutdownNow();
        }
    }
}
