package com.voxanne.ops.shell;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Asks the database whether it still answers, through the person's own pool. Blocking: run it off the JavaFX thread. */
public class ConnectionCheck {

    private final DataSource dataSource;

    public ConnectionCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean reachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
