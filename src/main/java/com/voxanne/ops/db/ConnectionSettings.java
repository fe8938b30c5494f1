package com.voxanne.ops.db;

import java.util.Objects;

/**
 * Where a console connects and as whom. The password travels separately (as a char[]) so this
 * record can be logged, remembered and shown without leaking it.
 */
public record ConnectionSettings(String jdbcUrl, String user) {

    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("A server address must start with jdbc:postgresql:, for example jdbc:postgresql://db.example.com:5432/voxanne.");
        }
    }

    public static ConnectionSettings of(String host, int port, String database, String user) {
        return new ConnectionSettings("jdbc:postgresql://" + host + ":" + port + "/" + database, user);
    }

    /** The same, protected as chosen in the sign-in form. */
    public static ConnectionSettings of(String host, int port, String database, String user, SecureConnection secure, String caFile) {
        return new ConnectionSettings("jdbc:postgresql://" + host + ":" + port + "/" + database + "?" + secure.parameters(host, caFile), user);
    }

    /**
     * Which server this is, whatever the connection options (sslmode, timeouts, ...): the URL up to
     * its parameters. What is kept per server on this computer (the cached setup) is filed under it.
     */
    public String server() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    /** The URL with any password parameter removed, for logs and messages. */
    public String redactedUrl() {
        return JdbcUrls.redact(jdbcUrl);
    }

    @Override
    public String toString() {
        return user + " @ " + redactedUrl();
    }
}
