package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills what the console keeps per call, its search document (voxconsole.call_documents, V6), its
 * reading for the signals (voxconsole.call_readings, V7) and its signals (voxconsole.call_signals,
 * V8), for the calls that were there before the console or before that migration: in
 * batches of a few thousand, each its own short transaction, so the web app keeps writing, and
 * on one connection per core over halves of the id range (computing documents is the work, one
 * core per backend). Calls that already have their document are skipped, so a rerun finishes what
 * an interrupted one left; new calls get theirs from the triggers.
 */
public final class CallBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(CallBackfill.class);
    private static final int BATCH = 5_000;
    public static final UUID LOWEST = new UUID(0, 0);
    /** Where the id range is halved between two connections. */
    public static final UUID MIDDLE = UUID.fromString("80000000-0000-0000-0000-000000000000");

    private CallBackfill() {
    }

    /** One connection's share of the calls: from <= id < to (no upper end when null). */
    private interface RangeFill {
        long fill(Connection c, UUID from, UUID to) throws SQLException;
    }

    /**
     * The documents and readings of the calls that have none. Before the console's indexes are
     * built: the search index is then built once over the documents instead of kept up by each.
     *
     * @return how many calls were given a document or a reading
     */
    static long backfill(DataSource owner) {
        return inStreams(owner, "search documents and readings", CallBackfill::fill);
    }

    /**
     * The signals of the read calls that have none kept. After the console's indexes: each call's
     * rules look up its number's later calls and its contact's appointments through them (without,
     * 100,000 calls took 203 s).
     *
     * @return how many signals were kept
     */
    static long backfillSignals(DataSource owner) {
        return inStreams(owner, "signals", CallBackfill::fillSignals);
    }

    private static long inStreams(DataSource owner, String what, RangeFill fill) {
        long started = System.nanoTime();
        int streams = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(streams, r -> {
            Thread t = new Thread(r, "call-backfill");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Long>> parts = new ArrayList<>();
            if (streams == 1) {
                parts.add(pool.submit(() -> autoCommitted(owner, fill, LOWEST, null)));
            } else {
                parts.add(pool.submit(() -> autoCommitted(owner, fill, LOWEST, MIDDLE)));
                parts.add(pool.submit(() -> autoCommitted(owner, fill, MIDDLE, null)));
            }
            long made = 0;
            for (Future<Long> part : parts) {
                made += part.get();
            }
            if (made > 0) {
                LOG.info("Made {} of the calls' {} in {} ms", made, what, (System.nanoTime() - started) / 1_000_000);
            }
            return made;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            throw new UserFacingException("The calls' " + what + " could not all be made (" + SqlErrors.describe(cause, "the server")
                    + "); the console's schema is in place, and running the same command again finishes them.", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserFacingException("Making the calls' " + what + " was interrupted; running the same command again finishes them.");
        } finally {
            pool.shutdownNow();
        }
    }

    /** One share, each batch its own transaction. */
    private static long autoCommitted(DataSource owner, RangeFill fill, UUID from, UUID to) throws SQLException {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(true);
            return fill.fill(c, from, to);
        }
    }

    /**
     * The calls with from <= id < to (no upper end when null) on {@code c}, batch by batch in id
     * order, in the connection's own transaction mode: adopt commits each batch, the demo load
     * fills its calls inside the transaction that wrote them.
     */
    public static long fill(Connection c, UUID from, UUID to) throws SQLException {
        return inBatches(c, from, to, "c.id", """
                with batch as (
                  select c.id, c.org_id, c.created_at, c.summary, c.transcript from public.calls c
                  where c.id %s ? %s
                  order by c.id limit ?)
                , documents as (
                  insert into voxconsole.call_documents (call_id, org_id, created_at, document)
                  select b.id, b.org_id, b.created_at, voxconsole.call_document(b.summary, b.transcript) from batch b
                  where not exists (select 1 from voxconsole.call_documents d where d.call_id = b.id)
                  on conflict (call_id) do nothing
                  returning call_id)
                , readings as (
                  select voxconsole.keep_readings(array(
                    select b.id from batch b where not exists (select 1 from voxconsole.call_readings k where k.call_id = b.id))) as n)
                select (select max(id::text) from batch), greatest((select count(*) from documents), (select n from readings))""");
    }

    /**
     * The signals of the read calls with from <= id < to (no upper end when null) whose signals are
     * not kept yet, batch by batch in id order, in the connection's own transaction mode. Signals
     * look at the appointments, later calls and alerts through the console's indexes, so the demo
     * load runs this once those are in and indexed, and adopt after building its indexes.
     *
     * @return how many signals were kept
     */
    public static long fillSignals(Connection c, UUID from, UUID to) throws SQLException {
        return inBatches(c, from, to, "r.call_id", """
                with batch as (
                  select r.call_id from voxconsole.call_readings r
                  where not r.signals_kept and r.call_id %s ? %s
                  order by r.call_id limit ?)
                select (select max(call_id::text) from batch), voxconsole.keep_signals(array(select call_id from batch))""");
    }

    /**
     * Runs {@code template} batch after batch over from <= id < to. The template compares the id
     * column with the batch's start ({@code %s ?}, inclusive for the first batch only), leaves room
     * for the upper end ({@code %s}), takes the batch size as its last parameter, and answers one row:
     * the batch's last id (null when it was empty) and what it made.
     */
    private static long inBatches(Connection c, UUID from, UUID to, String idColumn, String template) throws SQLException {
        long made = 0;
        UUID after = from;
        boolean first = true;
        while (true) {
            String sql = template.formatted(first ? ">=" : ">", to == null ? "" : "and " + idColumn + " < ?");
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setObject(1, after);
                int i = 2;
                if (to != null) {
                    s.setObject(i++, to);
                }
                s.setInt(i, BATCH);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    String last = rs.getString(1);
                    made += rs.getLong(2);
                    if (last == null) {
                        return made;
                    }
                    after = UUID.fromString(last);
                    first = false;
                }
            }
        }
    }
}
