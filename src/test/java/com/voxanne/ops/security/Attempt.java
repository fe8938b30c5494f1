package com.voxanne.ops.security;

import java.sql.SQLException;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What happened when a console login tried something: a row count, or the SQLSTATE the database
 * refused it with. Every attempt runs in a transaction that is rolled back, so a test that
 * (wrongly) succeeds cannot disturb the next one.
 */
public record Attempt(Integer rows, String sqlState) {

    static final String INSUFFICIENT_PRIVILEGE = "42501";

    public static Attempt run(Jdbi jdbi, Function<Handle, Integer> action) {
        return jdbi.withHandle(h -> {
            h.begin();
            try {
                return new Attempt(action.apply(h), null);
            } catch (RuntimeException e) {
                return new Attempt(null, sqlState(e));
            } finally {
                h.rollback();
            }
        });
    }

    /** For statements PostgreSQL refuses inside a transaction block (ALTER SYSTEM): run on their own, in autocommit. */
    public static Attempt alone(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> {
            try {
                return new Attempt(h.createUpdate(sql).execute(), null);
            } catch (RuntimeException e) {
                return new Attempt(null, sqlState(e));
            }
        });
    }

    public static Attempt update(Jdbi jdbi, String sql) {
        return run(jdbi, h -> h.createUpdate(sql).execute());
    }

    public static Attempt count(Jdbi jdbi, String sql) {
        return run(jdbi, h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    public boolean refused() {
        return INSUFFICIENT_PRIVILEGE.equals(sqlState);
    }

    public boolean touchedNothing() {
        return refused() || (rows != null && rows == 0);
    }

    private static String sqlState(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                return s.getSQLState();
            }
        }
        throw new AssertionError("failed without an SQLSTATE", e);
    }

    @Override
    public String toString() {
        return rows != null ? rows + " row(s)" : "SQLSTATE " + sqlState;
    }
}
