package com.voxanne.ops.bundle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of one JSON-lines entry, as the values a review database is loaded with. A line must be
 * what an export writes: a JSON object of bounded length and depth whose columns hold plain values
 * (text, numbers, booleans, ISO times in the {@code _at} columns). Anything else ends the load with
 * one clause naming the entry and the line, never a parser's stack of messages.
 */
public final class BundleRows {

    /** Far above the longest line an export writes (a long call's transcript and turns: some hundred kilobytes). */
    static final int MAX_LINE_CHARS = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).maxStringLength(MAX_LINE_CHARS).build())
            .build());

    /** A value for one column: text (quoted in CSV), a number or boolean as written, a time, or null. */
    public sealed interface Cell {
    }

    public record Text(String value) implements Cell {
    }

    public record Plain(String value) implements Cell {
    }

    public record Time(Instant value) implements Cell {
    }

    enum Null implements Cell { NULL }

    private final Reader in;
    private final String entry;
    private final List<String> columns;
    private final StringBuilder line = new StringBuilder();
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int filled;
    private long lineNumber;

    public BundleRows(Reader in, String entry, List<String> columns) {
        this.in = in;
        this.entry = entry;
        this.columns = columns;
    }

    /** @return the next row's cells, one per column, or null after the last line */
    public List<Cell> next() throws IOException {
        String text;
        do {
            text = readLine();
            if (text == null) {
                return null;
            }
        } while (text.isBlank());
        JsonNode row;
        try {
            row = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw problem("is not valid JSON or nests too deeply");
        }
        if (row == null || !row.isObject()) {
            throw problem("is not a record");
        }
        List<Cell> cells = new ArrayList<>(columns.size());
        for (String column : columns) {
            cells.add(cell(column, row.get(column)));
        }
        return cells;
    }

    public List<String> columns() {
        return columns;
    }

    private Cell cell(String column, JsonNode v) throws BundleContentException {
        if (v == null || v.isNull()) {
            return Null.NULL;
        }
        if (v.isContainerNode() || v.isBinary() || v.isPojo()) {
            throw problem("has a " + v.getNodeType().name().toLowerCase() + " where " + column + " holds a plain value");
        }
        if (v.isNumber() || v.isBoolean()) {
            if (v.isNumber() && !Double.isFinite(v.asDouble())) {
                throw problem("has a number out of range in " + column);
            }
            return new Plain(v.asText());
        }
        String s = v.asText();
        if (s.indexOf('\0') >= 0) {
            throw problem("has a NUL character in " + column);
        }
        if (column.endsWith("_at")) {
            try {
                return new Time(Instant.parse(s));
            } catch (DateTimeParseException e) {
                throw problem("has no valid time in " + column);
            }
        }
        return new Text(s);
    }

    /** A line without its end; longer than {@link #MAX_LINE_CHARS} is refused while reading, before it fills memory. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            if (position == filled) {
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    if (line.length() == 0) {
                        return null;
                    }
                    break;
                }
            }
            int start = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            line.append(buffer, start, position - start);
            if (line.length() > MAX_LINE_CHARS) {
                lineNumber++;
                throw problem("is longer than a bundle allows");
            }
            if (position < filled) {
                position++;
                break;
            }
        }
        lineNumber++;
        return line.toString();
    }

    private BundleContentException problem(String what) {
        return new BundleContentException("line " + lineNumber + " of " + entry + " " + what);
    }
}
