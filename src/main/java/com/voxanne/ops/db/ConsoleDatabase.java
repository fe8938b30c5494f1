package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.catalog.PlatformColumns;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.postgresql.PGStatement;

/**
 * One signed-in person's way into the database: one HikariCP pool under their own login role and
 * one Jdbi over it. Row-level security applies to everything that goes through it.
 */
public final class ConsoleDatabase implements AutoCloseable {

    private static final int POOL_SIZE = 4;

    private final ConnectionSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Timeouts timeouts;
    /**
     * Whether server sessions are shared between clients (a transaction-mode pooler). Then no
     * statement may be prepared by name in the server: the next transaction may reach another
     * session, where "S_1" is unknown or already taken. Elsewhere named statements stay on, since
     * planning a call-log page anew each time costs about a millisecond (measured in the bench).
     */
    private volatile boolean sharedSessions;

    private volatile PlatformColumns columns;

    private ConsoleDatabase(ConnectionSettings settings, HikariDataSource dataSource, Timeouts timeouts) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.timeouts = timeouts;
        this.jdbi = Jdbi.create(dataSource)
                .installPlugin(new SqlObjectPlugin())
                .installPlugin(new PostgresPlugin());
        this.jdbi.addCustomizer(new StatementCustomizer() {
            @Override
            public void beforeExecution(java.sql.PreparedStatement statement, StatementContext ctx) throws java.sql.SQLException {
                if (sharedSessions && statement.isWrapperFor(PGStatement.class)) {
                    statement.unwrap(PGStatement.class).setPrepareThreshold(0);
                }
                // The driver asks the server to cancel a statement that runs longer (a cancel request
                // passes through poolers, a startup option does not); the login's own
                // statement_timeout is the server's backstop.
                statement.setQueryTimeout(Timeouts.seconds(timeouts.statement()));
            }
        });
    }

    /**
     * Opens the pool and proves the login works by taking one connection, so a wrong password or an
     * unreachable host is reported here, as one sentence, rather than on the first query.
     */
    public static ConsoleDatabase open(ConnectionSettings settings, char[] password, String poolName) {
        return open(settings, password, poolName, Timeouts.CONSOLE);
    }

    /** The same with other waits (tests of a stalled server use seconds, not half a minute). */
    public static ConsoleDatabase open(ConnectionSettings settings, char[] password, String poolName, Timeouts timeouts) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(new String(password));
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        // A person waits at most this long for a connection before hearing the server is unreachable.
        config.setConnectionTimeout(timeouts.borrow().toMillis());
        config.setInitializationFailTimeout(1);
        config.addDataSourceProperty("ApplicationName", "voxconsole");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        timeouts(timeouts).forEach(config::addDataSourceProperty);
        try {
            ConsoleDatabase db = new ConsoleDatabase(settings, new HikariDataSource(config), timeouts);
            try {
                db.sharedSessions = SessionSharing.detect(db.dataSource);
                db.columns = PlatformColumns.read(db.jdbi);
            } catch (java.sql.SQLException | RuntimeException e) {
                db.close();
                throw new UserFacingException(SqlErrors.describe(e, JdbcUrls.hostPart(settings.jdbcUrl())), e);
            }
            return db;
        } catch (HikariPool.PoolInitializationException e) {
            throw new UserFacingException(SqlErrors.describe(e, JdbcUrls.hostPart(settings.jdbcUrl())), e);
        }
    }

    /**
     * A new connection outside the pool, as the same person: for the one long-lived listener
     * (LISTEN holds its connection; taking it from the pool would leave the pool one short).
     * The caller closes it.
     */
    public java.sql.Connection openDedicated(String applicationName) throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", dataSource.getUsername());
        props.setProperty("password", dataSource.getPassword());
        props.setProperty("ApplicationName", applicationName);
        // A server that stops answering ends the wait (and the heartbeat) instead of hanging forever.
        props.putAll(timeouts(timeouts));
        props.setProperty("tcpKeepAlive", "true");
        if (sharedSessions) {
            props.setProperty("prepareThreshold", "0");
        }
        return new org.postgresql.Driver().connect(settings.jdbcUrl(), props);
    }

    /**
     * The driver's side of {@link Timeouts}, as pgjdbc connection properties. The server's
     * statement timeout is not sent as a startup option ({@code options=-c ...}): PgBouncer refuses
     * any startup parameter it does not know (08P01), so it is set on the login role instead
     * ({@code ConsoleLogins}).
     */
    private static java.util.Map<String, String> timeouts(Timeouts t) {
        return java.util.Map.of(
                "connectTimeout", Integer.toString(t.connectSeconds()),
                "loginTimeout", Integer.toString(t.loginSeconds()),
                "socketTimeout", Integer.toString(t.answerSeconds()));
    }

    /** True behind a transaction-mode pooler: sessions are shared, and no statement is prepared by name. */
    public boolean sharesSessions() {
        return sharedSessions;
    }

    /** Told by whoever finds out later (the live feed hears no notices): from now on no statement is prepared by name. */
    public void sessionsAreShared() {
        sharedSessions = true;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    /**
     * The platform's tables as this login finds them, read from the catalog when the database was
     * opened (in the background, like every open): the views are built from it on the JavaFX thread,
     * which must not wait for the database.
     */
    public PlatformColumns columns() {
        return columns;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
