package com.voxanne.ops.shell;

import com.voxanne.ops.db.JdbcUrls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Asks the database whether it still answers, through the person's own pool. Blocking: run it off
 * the JavaFX thread. A server that is gone refuses the TCP connection at once, while the pool would
 * keep trying to make a connection for its whole borrow timeout; so when the address is known, a
 * plain connect to it comes first and a refusal answers in milliseconds.
 */
public class ConnectionCheck {

    private static final int CONNECT_MILLIS = 1_000;

    private final DataSource dataSource;
    private final InetSocketAddress server;

    public ConnectionCheck(DataSource dataSource) {
        this(dataSource, null);
    }

    /** @param jdbcUrl the server's URL, for the quick TCP check; its first host is used */
    public ConnectionCheck(DataSource dataSource, String jdbcUrl) {
        this.dataSource = dataSource;
        this.server = jdbcUrl == null ? null : address(jdbcUrl).orElse(null);
    }

    public boolean reachable() {
        if (server != null) {
            // Resolved at each check (the JVM caches names), so a renamed host is followed.
            InetSocketAddress now = new InetSocketAddress(server.getHostString(), server.getPort());
            if (!now.isUnresolved()) {
                try (Socket s = new Socket()) {
                    s.connect(now, CONNECT_MILLIS);
                } catch (IOException e) {
                    return false;
                }
            }
        }
        try (Connection c = dataSource.getConnection()) {
            boolean valid = c.isValid(2);
            if (!valid && dataSource instanceof com.zaxxer.hikari.HikariDataSource pool) {
                // A pooled connection the server dropped (it went away and came back) is put out of
                // the pool, so the next check reaches the server on a new one rather than this corpse.
                pool.evictConnection(c);
            }
            return valid;
        } catch (SQLException e) {
            return false;
        }
    }

    static Optional<InetSocketAddress> address(String jdbcUrl) {
        String hostPart = JdbcUrls.hostPart(jdbcUrl).split(",")[0];
        if (hostPart.isBlank() || hostPart.startsWith("[")) {
            return Optional.empty();
        }
        int colon = hostPart.lastIndexOf(':');
        try {
            String host = colon < 0 ? hostPart : hostPart.substring(0, colon);
            int port = colon < 0 ? 5432 : Integer.parseInt(hostPart.substring(colon + 1));
            return Optional.of(InetSocketAddress.createUnresolved(host, port));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
