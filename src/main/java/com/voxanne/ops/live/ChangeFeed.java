package com.voxanne.ops.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database's announcements of new and changed rows, for one signed-in person: one dedicated
 * connection LISTENs on their organization's channel (its name comes from the database, which
 * alone knows the secret behind it), and changes arriving within a few milliseconds of each other
 * are handed on together. When the connection drops, the feed reconnects by itself and, before
 * anything else, reads which rows changed while it was away (by {@code updated_at}, under the
 * person's own role), so subscribers miss nothing. No polling of big tables: one {@code select
 * now()} every few seconds proves the connection is alive.
 *
 * <p>Behind a transaction-mode pooler (PgBouncer's, Supabase's) LISTEN is accepted and never
 * notified: the session that listened is handed to other clients between transactions. So after
 * LISTEN the feed sends a notice to its own channel from a second connection; if it does not
 * arrive, the feed says so once ({@link Mode#POLLING}) and reads what changed by {@code updated_at}
 * every few seconds instead, rather than presenting a silent feed as live.
 */
public final class ChangeFeed implements AutoCloseable {

    /**
     * The watched tables a catch-up can read by time on this database (see {@link ChangeQueries#traceable}).
     */
    public static Set<String> traceable(Connection c) throws SQLException {
        return ChangeQueries.traceable(c);
    }

    /** Opens a new connection as the signed-in person; the feed owns and closes it. */
    @FunctionalInterface
    public interface Connector {
        Connection open() throws SQLException;
    }

    /** Tables a console watches; each has the columns the catch-up query reads. */
    public static final Set<String> TABLES = Set.of("calls", "appointments", "contacts", "hot_lead_alerts", "profiles", "org_tools",
            "org_feature_flags", "escalation_rules", "evaluations", "review_queue");
    /** Transactions commit after their updated_at; catching up reaches this far back to cover long ones. */
    static final Duration CATCH_UP_MARGIN = Duration.ofMinutes(2);

    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final long HEARTBEAT_MS = 5_000;
    private static final long GATHER_MS = 40;

    private final Connector connector;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<Consumer<Boolean>> statusListeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection current;
    private volatile boolean connected;

    private record Subscription(Set<String> tables, Consumer<List<Change>> consumer) {
    }

    /** How changes reach the console now. */
    public enum Mode {
        /** Notices arrive as the database sends them. */
        LIVE,
        /** Notices do not arrive on this connection (a transaction-mode pooler): the feed reads changes every few seconds. */
        POLLING
    }

    /** What the window says when notices do not arrive. */
    public static final String POLLING_SENTENCE = "Live updates are off: this address is a transaction-mode pooler, which does not"
            + " pass on the database's notices; use its session port. Meanwhile the console looks for changes every few seconds.";

    static final long PROBE_MS = 5_000;
    public static final long POLL_MS = 4_000;
    /** A poll reaches this far behind the previous one, for transactions that commit after their updated_at. */
    static final Duration POLL_MARGIN = Duration.ofSeconds(15);
    private static final String PROBE = "{\"t\": \"probe\"}";
    private final List<Consumer<Mode>> modeListeners = new CopyOnWriteArrayList<>();
    private volatile Mode mode;

    public ChangeFeed(Connector connector) {
        this.connector = connector;
        this.thread = new Thread(this::run, "change-feed");
        this.thread.setDaemon(true);
    }

    /**
     * Hands every batch of changes to {@code tables} to {@code consumer}, on the feed's own thread:
     * subscribers that touch the UI pass it on to the JavaFX thread themselves.
     */
    public void subscribe(Set<String> tables, Consumer<List<Change>> consumer) {
        subscriptions.add(new Subscription(Set.copyOf(tables), consumer));
    }

    /** Told true when listening, false when the connection was lost (and the feed is reconnecting). */
    public void onStatus(Consumer<Boolean> listener) {
        statusListeners.add(listener);
    }

    /** Told the mode each time it changes (on the feed's thread). */
    public void onMode(Consumer<Mode> listener) {
        modeListeners.add(listener);
    }

    public Mode mode() {
        return mode;
    }

    public ChangeFeed start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    private void run() {
        Instant lastAlive = null;
        long backoff = 250;
        while (!closed) {
            try (Connection c = connector.open()) {
                current = c;
                ChangeQueries.Listening listening = ChangeQueries.listen(c);
                boolean heard = hearsItself(c, listening.channel());
                if (lastAlive != null) {
                    // Listening already, so nothing falls between the catch-up and the first notice.
                    List<Change> missed = ChangeQueries.catchUp(c, listening.org(), lastAlive.minus(CATCH_UP_MARGIN), listening.traceable());
                    LOG.info("Live feed caught up from {}: {} change notices", lastAlive, missed.size());
                    deliver(missed);
                }
                lastAlive = listening.at();
                setConnected(true);
                backoff = 250;
                setMode(heard ? Mode.LIVE : Mode.POLLING);
                lastAlive = heard ? pump(c, lastAlive) : poll(c, listening, lastAlive);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.info("The live feed lost its connection ({}); reconnecting", e.getMessage());
                LOG.debug("Live feed failure", e);
            } finally {
                current = null;
            }
            setConnected(false);
            sleep(backoff);
            backoff = Math.min(backoff * 2, 4_000);
        }
    }

    /**
     * Whether a notice sent to the channel from another connection reaches this one. Notices that
     * arrive meanwhile are handed on, not lost.
     */
    private boolean hearsItself(Connection c, String channel) throws SQLException {
        try (Connection other = connector.open(); PreparedStatement ps = other.prepareStatement("select pg_notify(?, ?)")) {
            other.setAutoCommit(true);
            ps.setString(1, channel);
            ps.setString(2, PROBE);
            ps.execute();
        }
        PGConnection pg = c.unwrap(PGConnection.class);
        List<PGNotification> others = new ArrayList<>();
        boolean heard = false;
        long deadline = System.currentTimeMillis() + PROBE_MS;
        while (!heard && !closed && System.currentTimeMillis() < deadline) {
            PGNotification[] notes = pg.getNotifications((int) Math.max(1, deadline - System.currentTimeMillis()));
            for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                if (PROBE.equals(n.getParameter())) {
                    heard = true;
                } else {
                    others.add(n);
                }
            }
        }
        deliver(ChangeQueries.parse(others));
        if (!heard) {
            LOG.warn("The live feed's own notice did not come back within {} ms: notices do not reach this connection (a"
                    + " transaction-mode pooler?); reading changes every {} ms instead", PROBE_MS, POLL_MS);
        }
        return heard;
    }

    /** Reads what changed every few seconds until the connection fails or the feed closes; returns when it was last known alive. */
    private Instant poll(Connection c, ChangeQueries.Listening listening, Instant lastAlive) throws SQLException {
        // Sessions are shared here: the catch-up statements must not be prepared by name in the server.
        PGConnection pg = c.unwrap(PGConnection.class);
        pg.setPrepareThreshold(0);
        while (!closed) {
            long wake = System.currentTimeMillis() + POLL_MS;
            while (!closed && System.currentTimeMillis() < wake) {
                PGNotification[] notes = pg.getNotifications((int) Math.min(250, Math.max(1, wake - System.currentTimeMillis())));
                List<PGNotification> arrived = notes == null ? List.of() : List.of(notes);
                // Only the feed's own probe, come back late on its own channel, proves that notices reach this
                // connection (the machine was only slow): behind a pooler a stray notice proves nothing.
                if (arrived.stream().anyMatch(n -> PROBE.equals(n.getParameter()) && listening.channel().equals(n.getName()))) {
                    LOG.info("The live feed's own notice came back late: notices do reach this connection; live again");
                    deliver(ChangeQueries.parse(arrived.stream().filter(n -> !PROBE.equals(n.getParameter())).toList()));
                    deliver(ChangeQueries.catchUp(c, listening.org(), lastAlive.minus(POLL_MARGIN), listening.traceable()));
                    setMode(Mode.LIVE);
                    return pump(c, lastAlive);
                }
            }
            if (closed) {
                break;
            }
            Instant now;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select now()")) {
                rs.next();
                now = rs.getTimestamp(1).toInstant();
            }
            deliver(ChangeQueries.catchUp(c, listening.org(), lastAlive.minus(POLL_MARGIN), listening.traceable()));
            lastAlive = now;
        }
        return lastAlive;
    }

    /** Waits for notices and hands them on until the connection fails or the feed closes; returns when it was last known alive. */
    private Instant pump(Connection c, Instant lastAlive) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MS;
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(500);
            if (notes != null && notes.length > 0) {
                List<PGNotification> gathered = new ArrayList<>(List.of(notes));
                // A burst (a page of inserts, a bulk update) arrives as one batch rather than many.
                PGNotification[] more = pg.getNotifications((int) GATHER_MS);
                while (more != null && more.length > 0 && gathered.size() < 10_000) {
                    gathered.addAll(List.of(more));
                    more = pg.getNotifications((int) GATHER_MS);
                }
                deliver(ChangeQueries.parse(gathered));
            }
            if (System.currentTimeMillis() >= nextHeartbeat) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select now()")) {
                    rs.next();
                    lastAlive = rs.getTimestamp(1).toInstant();
                }
                nextHeartbeat = System.currentTimeMillis() + HEARTBEAT_MS;
            }
        }
        return lastAlive;
    }

    private void deliver(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        for (Subscription s : subscriptions) {
            List<Change> mine = changes.stream().filter(c -> s.tables().contains(c.table())).toList();
            if (!mine.isEmpty()) {
                try {
                    s.consumer().accept(mine);
                } catch (RuntimeException e) {
                    LOG.warn("A live-update subscriber failed", e);
                }
            }
        }
    }

    private void setConnected(boolean now) {
        if (connected != now) {
            connected = now;
            statusListeners.forEach(l -> l.accept(now));
        }
    }

    private void setMode(Mode now) {
        if (mode != now) {
            mode = now;
            modeListeners.forEach(l -> l.accept(now));
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Stops listening and closes the connection; waits briefly for the feed's thread to end. */
    @Override
    public void close() {
        closed = true;
        Connection c = current;
        if (c != null) {
            try {
                // Aborting (not closing) is safe from another thread and ends a blocked wait at once.
                c.abort(Runnable::run);
            } catch (SQLException e) {
                LOG.debug("Closing the live connection", e);
            }
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
