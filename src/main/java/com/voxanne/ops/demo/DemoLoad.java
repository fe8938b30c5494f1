package com.voxanne.ops.demo;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.CallBackfill;
import com.voxanne.ops.db.KeepingTriggers;
import com.voxanne.ops.demo.DemoLoginSpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the demo rows reach the database: one sequence of steps (reference data, calls, their
 * dependants, indexes, configuration, statistics), run in one of two ways.
 * <ul>
 * <li>{@link #inOneTransaction}: all or nothing, for a server someone else runs (the seed command).</li>
 * <li>{@link #inStreams}: the calls in several connections at once. PostgreSQL spends most of a
 * seed computing each transcript's search vector, one core per connection, so two streams on two
 * cores load about half again as fast. Not all-or-nothing: for a new embedded workspace only,
 * which is wiped and made again when its first start does not finish.</li>
 * </ul>
 */
final class DemoLoad {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);
    /**
     * The tables a bulk load fills, whose secondary indexes are built once at the end: the
     * platform's, and the console's search documents (its trigger writes one per call).
     */
    static final List<String> LOADED_TABLES = List.of("public.calls", "public.appointments", "public.call_tracking",
            "public.hot_lead_alerts", "voxconsole.call_documents", "voxconsole.call_readings");

    /** One part of the load on one connection: rows written, as {calls, appointments, tracking, alerts}. */
    private interface Part {
        long[] into(Connection c) throws SQLException;
    }

    /** Where the parts run: one transaction, or a transaction per part on a pool. */
    private interface Transactions {
        <T> T opening(HandleWork<T> work);

        /** Runs the parts (side by side where it can) and adds up their counts. */
        long[] all(List<Part> parts);

        void buildIndexes(SecondaryIndexes suspended);

        void closing(HandleWork<Void> work);

        void statistics();
    }

    private interface HandleWork<T> {
        T on(Handle h) throws SQLException;
    }

    private final DemoDataGenerator rows;

    DemoLoad(DemoDataGenerator rows) {
        this.rows = rows;
    }

    List<DemoLoginSpec> inOneTransaction(Jdbi owner, LongConsumer progress) {
        return owner.inTransaction(h -> run(new OneTransaction(h), 1, progress));
    }

    List<DemoLoginSpec> inStreams(Jdbi owner, int streams, LongConsumer progress) {
        ExecutorService pool = Executors.newFixedThreadPool(streams, r -> {
            Thread t = new Thread(r, "demo-load");
            t.setDaemon(true);
            return t;
        });
        try {
            Streams transactions = new Streams(owner, pool);
            // Every stream hears whether another failed, at its next thousand calls.
            AtomicLong written = new AtomicLong();
            LongConsumer shared = n -> {
                if (transactions.failed.get()) {
                    throw new CancellationException("Another stream failed");
                }
                long now = written.addAndGet(n);
                synchronized (this) {
                    progress.accept(now);
                }
            };
            return run(transactions, streams, shared);
        } finally {
            pool.shutdownNow();
            // A load that failed after its first transaction left the keeping triggers off: back on (harmless when they are).
            try {
                owner.useHandle(h -> KeepingTriggers.on(h));
            } catch (RuntimeException e) {
                LOG.warn("The console's reading and signal triggers could not be switched back on", e);
            }
        }
    }

    /**
     * The calls' readings for the signals (V7), made after the calls are in rather than by the
     * reading trigger at the end of each COPY: the trigger read a stream's 500,000 calls as one
     * statement's transition table and a million-call seed took eleven minutes instead of two. As
     * adopt fills them (CallBackfill), one half of the id range per stream, after fresh statistics
     * (see run()) so each batch is read by its primary key.
     */
    private static Part readings(int stream, int streams) {
        return c -> {
            CallBackfill.fill(c, stream == 0 ? CallBackfill.LOWEST : CallBackfill.MIDDLE,
                    streams == 1 || stream == 1 ? null : CallBackfill.MIDDLE);
            return new long[4];
        };
    }

    /** The calls' signals (V8), once the appointments and alerts they look at are in and indexed: half the calls a stream. */
    private static Part signals(int stream, int streams) {
        return c -> {
            CallBackfill.fillSignals(c, stream == 0 ? CallBackfill.LOWEST : CallBackfill.MIDDLE,
                    streams == 1 || stream == 1 ? null : CallBackfill.MIDDLE);
            return new long[4];
        };
    }

    private static Part analyze(String tables) {
        return c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("analyze " + tables);
            }
            return new long[4];
        };
    }

    private List<DemoLoginSpec> run(Transactions tx, int streams, LongConsumer progress) {
        long started = System.nanoTime();
        Phases phases = new Phases();
        SecondaryIndexes suspended = tx.opening(h -> {
            boolean empty = h.createQuery("select not exists (select 1 from public.organizations)").mapTo(Boolean.class).one();
            if (!empty) {
                throw new UserFacingException("The database already has organizations: demo data only goes into an empty database.");
            }
            // History loaded in bulk is nobody's write: no audit rows, no live notices (back on at the end).
            h.execute("select voxconsole.set_change_tracking(false)");
            // The readings and signals are made after the load, in batches (see readings(), signals()); the triggers are back on at the end.
            KeepingTriggers.off(h);
            phases.time("reference", () -> rows.writeReferenceData(h));
            return SecondaryIndexes.suspend(h, LOADED_TABLES);
        });
        DemoCallDependants dependants = new DemoCallDependants(rows);
        long[] totals = new long[4];
        // First the calls, split across the streams; then, once they are in, the rows that point at
        // them (tracking, alerts) beside the appointments.
        phases.time("calls in " + streams + " stream" + (streams == 1 ? "" : "s"), () -> {
            List<Part> calls = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                int stream = k;
                calls.add(c -> new long[] {rows.writeCalls(c, stream, streams, progress), 0, 0, 0});
            }
            add(totals, tx.all(calls));
        });
        phases.time("readings", () -> {
            // Statistics first, on one connection: a second ANALYZE of the table waits for the first one's transaction to end.
            tx.all(List.of(analyze("public.calls")));
            tx.all(streams == 1 ? List.of(readings(0, 1)) : List.of(readings(0, 2), readings(1, 2)));
        });
        phases.time("appointments, tracking and alerts", () -> add(totals, tx.all(List.of(
                c -> new long[] {0, dependants.writeAppointments(c), 0, 0},
                c -> new long[] {0, 0, dependants.writeTracking(c), dependants.writeAlerts(c)}))));
        phases.time("indexes", () -> tx.buildIndexes(suspended));
        tx.closing(h -> {
            rows.writeConfiguration(h);
            h.execute("select voxconsole.set_change_tracking(true)");
            KeepingTriggers.on(h);
            return null;
        });
        // The signals' rules read the appointments and alerts just loaded: statistics for those first.
        phases.time("signals", () -> {
            tx.all(List.of(analyze("public.appointments, public.hot_lead_alerts, public.contacts")));
            tx.all(streams == 1 ? List.of(signals(0, 1)) : List.of(signals(0, 2), signals(1, 2)));
        });
        // The quality review reads the signals: which calls are always reviewed, how they went.
        long[] evaluations = new long[1];
        phases.time("quality review", () -> tx.closing(h -> {
            evaluations[0] = DemoQuality.write(h, rows.planOrganizations(), rows.windowEnd(), rows.seed());
            return null;
        }));
        // Fresh statistics, so the first queries get plans fit for the data rather than for empty
        // tables; last, so the readings the signals marked leave no vacuum behind for the first minutes of use.
        phases.time("statistics", tx::statistics);
        LOG.info("Demo data: {} calls, {} appointments, {} tracking rows, {} alerts, {} evaluations in {} ms ({})",
                totals[0], totals[1], totals[2], totals[3], evaluations[0], (System.nanoTime() - started) / 1_000_000, phases);
        return rows.demoLogins();
    }

    private static void add(long[] totals, long[] part) {
        for (int i = 0; i < totals.length; i++) {
            totals[i] += part[i];
        }
    }

    /** Everything in the caller's transaction, one part after another. */
    private record OneTransaction(Handle h) implements Transactions {

        @Override
        public <T> T opening(HandleWork<T> work) {
            h.execute("set local synchronous_commit = off");
            // Emptied in this transaction (they are empty already): with wal_level=minimal, as the
            // embedded server runs, PostgreSQL then writes the loaded tables straight to disk at
            // commit instead of logging every row in the WAL first.
            h.execute("truncate public.contacts, public.calls, public.appointments, public.call_tracking, public.hot_lead_alerts,"
                    + " voxconsole.call_documents, voxconsole.call_readings, voxconsole.call_signals cascade");
            return sql(() -> work.on(h));
        }

        @Override
        public long[] all(List<Part> parts) {
            long[] totals = new long[4];
            for (Part p : parts) {
                add(totals, sql(() -> p.into(h.getConnection())));
            }
            return totals;
        }

        @Override
        public void buildIndexes(SecondaryIndexes suspended) {
            suspended.restore();
        }

        @Override
        public void closing(HandleWork<Void> work) {
            sql(() -> work.on(h));
        }

        @Override
        public void statistics() {
            h.execute("analyze");
        }
    }

    /** A transaction per part, the parts side by side on the pool; a failure stops the others at their next thousand calls. */
    private static final class Streams implements Transactions {
        private final Jdbi owner;
        private final ExecutorService pool;
        final AtomicBoolean failed = new AtomicBoolean();

        Streams(Jdbi owner, ExecutorService pool) {
            this.owner = owner;
            this.pool = pool;
        }

        @Override
        public <T> T opening(HandleWork<T> work) {
            return sql(() -> owner.inTransaction(h -> work.on(h)));
        }

        @Override
        public long[] all(List<Part> parts) {
            List<Future<long[]>> running = new ArrayList<>();
            for (Part p : parts) {
                running.add(pool.submit(() -> load(p)));
            }
            return sum(running);
        }

        private long[] load(Part part) {
            try {
                return owner.inTransaction(h -> {
                    h.execute("set local synchronous_commit = off");
                    return part.into(h.getConnection());
                });
            } catch (SQLException e) {
                failed.set(true);
                throw new IllegalStateException("Writing demo data failed", e);
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
        }

        /** The search index (GIN, one core however it is built) beside all the others. */
        @Override
        public void buildIndexes(SecondaryIndexes suspended) {
            List<Future<long[]>> builds = new ArrayList<>();
            for (List<String> share : suspended.shares()) {
                builds.add(pool.submit(() -> owner.inTransaction(h -> {
                    SecondaryIndexes.build(h, share);
                    return new long[4];
                })));
            }
            sum(builds);
        }

        @Override
        public void closing(HandleWork<Void> work) {
            sql(() -> owner.inTransaction(h -> work.on(h)));
        }

        /**
         * Outside a transaction: statistics for the planner, and the visibility map that lets the
         * charts read the keyset index alone from the first query on. Once per table: an extra
         * database-wide ANALYZE did the slowest part (sampling the search documents) twice.
         */
        @Override
        public void statistics() {
            owner.useHandle(h -> h.execute("vacuum (analyze)"));
        }

        private static long[] sum(List<Future<long[]>> parts) {
            long[] totals = new long[4];
            try {
                for (var f : parts) {
                    add(totals, f.get());
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException("Writing demo data failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("Interrupted");
            }
            return totals;
        }
    }

    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    private static <T> T sql(SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Writing demo data failed", e);
        }
    }

    /** How long each part of a load took, for the log: where a slow seed spends its time. */
    private static final class Phases {
        private final StringBuilder summary = new StringBuilder();

        interface Step {
            void run() throws SQLException;
        }

        void time(String name, Step step) {
            long t0 = System.nanoTime();
            sql(() -> {
                step.run();
                return null;
            });
            summary.append(summary.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));
        }

        @Override
        public String toString() {
            return summary.toString();
        }
    }
}
