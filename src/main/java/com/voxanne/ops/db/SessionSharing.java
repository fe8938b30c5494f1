package com.voxanne.ops.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Tells a transaction-mode pooler (PgBouncer's, Supabase's) from a server or a session-mode pooler
 * by the server process each client connection reaches: two connections held at once reach two
 * processes, and one connection keeps its process, unless sessions are handed around between
 * transactions. A busy pooler can hide it by chance; the live feed, which hears no notices there,
 * tells the console too.
 */
final class SessionSharing {

    private SessionSharing() {
    }

    static boolean detect(DataSource pool) throws SQLException {
        try (Connection a = pool.getConnection(); Connection b = pool.getConnection()) {
            a.setAutoCommit(true);
            b.setAutoCommit(true);
            int first = backend(a);
            int other = backend(b);
            int again = backend(a);
            if (pool instanceof com.zaxxer.hikari.HikariDataSource hikari) {
                // The second connection was only for asking: the pool goes back to the one it keeps idle.
                hikari.evictConnection(b);
            }
            return first == other || first != again;
        }
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
