package com.voxanne.ops.db;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams rows into one table with COPY ... FROM STDIN (FORMAT csv). Rows are flushed to the
 * server in chunks, so a million calls never sit in memory at once. An empty unquoted field is
 * NULL; every text value is quoted, so an empty string stays an empty string.
 */
public final class CsvCopy implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + (64 << 10));
    private boolean firstField = true;
    private long rows;

    private CsvCopy(CopyIn copy) {
        this.copy = copy;
    }

    public static CsvCopy into(Connection connection, String table, String columns) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy " + table + " (" + columns + ") from stdin (format csv)");
        return new CsvCopy(copy);
    }

    public CsvCopy text(String value) {
        separator();
        if (value != null) {
            buffer.append('"');
            for (int i = 0; i < value.length(); i++) {
                char ch = value.charAt(i);
                if (ch == '"') {
                    buffer.append('"');
                }
                buffer.append(ch);
            }
            buffer.append('"');
        }
        return this;
    }

    public CsvCopy value(Object value) {
        separator();
        if (value != null) {
            buffer.append(value);
        }
        return this;
    }

    public CsvCopy time(Instant value) {
        return value(value == null ? null : TIMESTAMP.format(OffsetDateTime.ofInstant(value, ZoneOffset.UTC)));
    }

    public void endRow() throws SQLException {
        buffer.append('\n');
        firstField = true;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    public long finish() throws SQLException {
        flush();
        copy.endCopy();
        return rows;
    }

    private void separator() {
        if (!firstField) {
            buffer.append(',');
        }
        firstField = false;
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
