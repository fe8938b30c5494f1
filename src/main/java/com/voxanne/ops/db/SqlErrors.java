package com.voxanne.ops.db;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns what the database or the driver said into one sentence a supervisor can act on.
 * The full exception still goes to the log; this is only what a person reads.
 */
public final class SqlErrors {

    private SqlErrors() {
    }

    /**
     * Runs a call to the database and turns any failure into its sentence ({@link #describe}); a
     * failure already in words is passed on as it is. For services whose every write reads the same.
     */
    public static <T> T inWords(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (com.voxanne.ops.base.UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new com.voxanne.ops.base.UserFacingException(describe(e, "the server"), e);
        }
    }

    /** The sentence for any failure on the way to or inside the database. */
    public static String describe(Throwable failure, String serverAddress) {
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return failure.getMessage() == null ? "Something went wrong talking to the database." : failure.getMessage();
        }
        Throwable network = networkCause(sql);
        if (network instanceof UnknownHostException) {
            return "The server " + serverAddress + " could not be found: check the host name.";
        }
        if (network instanceof ConnectException || network instanceof NoRouteToHostException) {
            return "Cannot reach the database server at " + serverAddress + ": check that it is running and reachable.";
        }
        if (network instanceof SocketTimeoutException || timedOut(sql)) {
            return "The database server at " + serverAddress + " did not answer in time.";
        }
        Optional<String> tls = certificateProblem(sql, serverAddress);
        if (tls.isPresent()) {
            return tls.get();
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state) {
            case "28P01" -> "The server refused the sign-in: wrong login or password.";
            case "28000" -> "The server does not accept this login from this computer"
                    + serverMessage(sql).map(m -> " (" + m.getMessage() + ").").orElse(".");
            case "3D000" -> "That database does not exist on the server: check the database name.";
            case "42P01", "3F000" -> "The server has no Voxanne schema yet: run 'voxconsole migrate' against it first.";
            case "42501" -> "You are not allowed to do that: your role does not have the right.";
            case "23505" -> constraint(sql).flatMap(ConstraintMessages::sentenceFor)
                    .orElseGet(() -> "That would create a duplicate: " + detail(sql).orElse("a row with the same key already exists."));
            case "23503" -> "That refers to something that does not exist or is still in use.";
            case "23502" -> "A required field is empty" + column(sql).map(c -> ": " + c.replace('_', ' ')).orElse("") + ".";
            case "23514", "23P01" -> constraint(sql).flatMap(ConstraintMessages::sentenceFor)
                    .orElse("The database refused a value that breaks one of its rules.");
            // Raised by the console's own functions with a sentence written for people.
            case "P0002", "22023" -> serverMessage(sql).map(m -> sentence(m.getMessage())).orElse("The database refused the request.");
            case "22P02", "22007", "22008" -> "A value has the wrong format.";
            case "57014" -> "The database took too long and the request was stopped.";
            case "53300" -> "The database server has too many connections open; try again shortly.";
            case "57P01", "57P02", "57P03" -> "The database server is shutting down or starting up; try again shortly.";
            default -> state.startsWith("08")
                    ? serverMessage(sql).map(m -> "The database server at " + serverAddress + " refused the connection: "
                            + sentence(m.getMessage())).orElse("The connection to the database server at " + serverAddress + " was lost.")
                    : "The database refused the request: " + firstLine(sql.getMessage());
        };
    }

    /**
     * A secure connection that could not be made, in words that name the fix. pgJDBC reports these
     * as connection failures with its own wording; the certificate path and the host check are told
     * apart from a lost connection here.
     */
    private static Optional<String> certificateProblem(SQLException sql, String serverAddress) {
        String all = "";
        for (Throwable c = sql; c != null; c = c.getCause()) {
            all += " " + (c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage());
        }
        if ("08004".equals(sql.getSQLState()) && all.contains("does not support SSL")) {
            return Optional.of("The server at " + serverAddress + " does not accept secure connections: ask its administrator to turn"
                    + " SSL on (an unencrypted connection is only offered for a server on this computer).");
        }
        if (all.contains("Could not open SSL root certificate file")) {
            return Optional.of("The CA certificate file cannot be read: choose the file again (your provider offers it for"
                    + " download; on Supabase under Database settings, SSL certificate).");
        }
        if (all.contains("could not be verified by hostnameverifier") || all.contains("No subject alternative")) {
            return Optional.of("The certificate of " + serverAddress + " is made out to another name: connect with the host name on"
                    + " its certificate (the one your provider gives), not an alias or an IP address.");
        }
        if (all.contains("PKIX path") || all.contains("unable to find valid certification path") || all.contains("certificate_unknown")
                || all.contains("signature check failed")) {
            return Optional.of("The certificate of " + serverAddress + " is not signed by the CA certificate you chose: choose your"
                    + " provider's CA certificate file, or ask the server's administrator which one signs it.");
        }
        return Optional.empty();
    }

    /** True when the server could not be reached at all (no such host, refused, timed out, connection broken). */
    public static boolean unreachable(Throwable failure) {
        SQLException sql = findSqlException(failure);
        if (sql == null) {
            return false;
        }
        return networkCause(sql) != null || (sql.getSQLState() != null && sql.getSQLState().startsWith("08"));
    }

    /**
     * The sign-in handshake ran out of time (pgjdbc's loginTimeout: the server accepted the
     * connection and said nothing), or no pooled connection came in time because making one did.
     */
    private static boolean timedOut(SQLException sql) {
        String message = sql.getMessage() == null ? "" : sql.getMessage();
        return ("08001".equals(sql.getSQLState()) && message.contains("timed out"))
                || (sql instanceof java.sql.SQLTransientConnectionException && message.contains("request timed out"));
    }

    public static Optional<String> constraint(SQLException e) {
        return serverMessage(e).map(ServerErrorMessage::getConstraint);
    }

    private static Optional<String> column(SQLException e) {
        return serverMessage(e).map(ServerErrorMessage::getColumn);
    }

    private static Optional<String> detail(SQLException e) {
        return serverMessage(e).map(ServerErrorMessage::getDetail);
    }

    private static Optional<ServerErrorMessage> serverMessage(SQLException e) {
        return e instanceof PSQLException p ? Optional.ofNullable(p.getServerErrorMessage()) : Optional.empty();
    }

    private static SQLException findSqlException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            // A batch's own exception carries no server message; the statement that failed does.
            if (c instanceof java.sql.BatchUpdateException batch && batch.getNextException() != null) {
                return batch.getNextException();
            }
            if (c instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static Throwable networkCause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException && !(c instanceof java.io.EOFException)) {
                return c;
            }
        }
        return null;
    }

    /** A server's message as the end of a sentence. */
    private static String sentence(String message) {
        String line = firstLine(message).strip();
        return line.endsWith(".") ? line : line + ".";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given.";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
