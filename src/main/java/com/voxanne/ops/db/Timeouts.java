package com.voxanne.ops.db;

import java.time.Duration;

/**
 * How long the console waits on the database before it tells the person, at each step. A server
 * that accepts connections but never answers (a stalled network, a frozen host) must end in a
 * sentence, not a window waiting forever; a slow statement is stopped by the server first, with
 * its own clearer message, before the socket gives up.
 *
 * @param connect   opening the TCP connection
 * @param login     the whole sign-in handshake (TLS, authentication, start-up)
 * @param statement the longest statement the console lets run (the driver asks the server to cancel it; the login's statement_timeout backs it)
 * @param answer    the longest the driver waits for any bytes from the server (socket timeout)
 * @param borrow    the longest a request waits for a free pooled connection
 */
public record Timeouts(Duration connect, Duration login, Duration statement, Duration answer, Duration borrow) {

    /** A console's: seconds, not minutes; every statement it sends takes milliseconds. */
    public static final Timeouts CONSOLE = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(25),
            Duration.ofSeconds(30), Duration.ofSeconds(5));

    public Timeouts {
        if (statement.compareTo(answer) >= 0) {
            throw new IllegalArgumentException("The server's statement timeout must end before the socket's.");
        }
    }

    int connectSeconds() {
        return seconds(connect);
    }

    int loginSeconds() {
        return seconds(login);
    }

    int answerSeconds() {
        return seconds(answer);
    }

    static int seconds(Duration d) {
        return (int) Math.max(1, d.toSeconds());
    }
}
