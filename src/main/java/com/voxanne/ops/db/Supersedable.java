package com.voxanne.ops.db;

import java.sql.SQLException;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Queries a newer request makes pointless: a person who types a second search, or clicks another
 * filter, does not want the first one's answer. {@link #supersede()} asks the server to stop the
 * statement running now (pgjdbc's cancel request), and any later run fails at once; so a burst of
 * clicks leaves one query working, not a queue of them holding the pool.
 *
 * <p>A cancel request is delivered to the server process, not to a statement: one sent just as the
 * statement ended could stop the next statement on that connection. The lock keeps the connection
 * from leaving {@link #run} while a cancel is being sent; the server-side window that remains is
 * the one every JDBC {@code Statement.cancel()} has.
 */
public final class Supersedable {

    private PGConnection running;
    private boolean superseded;

    /** Runs {@code work} on {@code handle}'s connection, unless this was superseded. */
    public <T> T run(Handle handle, Supplier<T> work) {
        synchronized (this) {
            if (superseded) {
                throw new CancellationException("superseded by a newer request");
            }
            try {
                running = handle.getConnection().unwrap(PGConnection.class);
            } catch (SQLException e) {
                running = null;
            }
        }
        try {
            return work.get();
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }

    /** Stops what runs now and refuses what comes later. Returns at once; safe from any thread. */
    public synchronized void supersede() {
        superseded = true;
        if (running != null) {
            try {
                running.cancelQuery();
            } catch (SQLException e) {
                // The statement ended, or the connection is gone: either way nothing runs any more.
            }
        }
    }
}
