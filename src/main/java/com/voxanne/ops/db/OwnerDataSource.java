package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** An unpooled connection source for operator commands (migrate, seed, user add), checked on creation. */
public final class OwnerDataSource {

    private OwnerDataSource() {
    }

    public static DataSource open(ConnectionSettings settings, char[] password) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        try {
            ds.setURL(settings.jdbcUrl());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("The server address " + settings.redactedUrl() + " is not a valid PostgreSQL JDBC URL.", e);
        }
        ds.setUser(settings.user());
        ds.setPassword(new String(password));
        ds.setApplicationName("voxconsole-admin");
        ds.setConnectTimeout(10);
        try (Connection c = ds.getConnection()) {
            int major = c.getMetaData().getDatabaseMajorVersion();
            if (major < 15) {
                throw new UserFacingException("The server runs PostgreSQL " + major + "; the console needs PostgreSQL 15 or newer.");
            }
        } catch (SQLException e) {
            throw new UserFacingException(SqlErrors.describe(e, JdbcUrls.hostPart(settings.jdbcUrl())), e);
        }
        return ds;
    }
}
