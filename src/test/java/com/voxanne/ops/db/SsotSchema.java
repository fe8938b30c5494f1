package com.voxanne.ops.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema SSOT (docs/schema-ssot.md, a verbatim copy of the platform's contract) read as data,
 * so the schema test checks the database against the contract's own words.
 */
record SsotSchema(Map<String, Table> tables) {

    record Column(String name, String type, boolean nullable) {
    }

    record ForeignKey(String column, String targetTable, String targetColumn) {
    }

    record Table(String name, List<Column> columns, Integer columnCount, String primaryKey, List<ForeignKey> foreignKeys,
                 List<String> indexes) {

        boolean describedColumnByColumn() {
            return !columns.isEmpty();
        }
    }

    private static final Pattern TABLE = Pattern.compile("^### Table: `([a-z_]+)`");
    private static final Pattern COLUMN = Pattern.compile("^- `([a-z_]+)` \\(([a-z]+)(, nullable)?\\)");
    private static final Pattern COUNT = Pattern.compile("\\*\\*Columns:\\*\\* (\\d+)");
    private static final Pattern FK = Pattern.compile("([a-z_]+) \\S+ ([a-z_]+)\\.([a-z_]+)");

    static SsotSchema read() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/schema-ssot.md"), StandardCharsets.UTF_8);
        Map<String, Table> tables = new LinkedHashMap<>();
        String name = null;
        List<Column> columns = new ArrayList<>();
        Integer count = null;
        String pk = null;
        List<ForeignKey> fks = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        for (String line : lines) {
            Matcher t = TABLE.matcher(line);
            if (t.find()) {
                if (name != null) {
                    tables.put(name, new Table(name, columns, count, pk, fks, indexes));
                }
                name = t.group(1);
                columns = new ArrayList<>();
                count = null;
                pk = null;
                fks = new ArrayList<>();
                indexes = new ArrayList<>();
                continue;
            }
            if (name == null) {
                continue;
            }
            if (line.startsWith("## ") && !line.startsWith("### ")) {
                tables.put(name, new Table(name, columns, count, pk, fks, indexes));
                name = null;
                continue;
            }
            Matcher c = COLUMN.matcher(line);
            if (c.find()) {
                columns.add(new Column(c.group(1), c.group(2), c.group(3) != null));
            }
            Matcher n = COUNT.matcher(line);
            if (n.find()) {
                count = Integer.parseInt(n.group(1));
            }
            if (line.startsWith("**Primary Key:**")) {
                pk = line.substring("**Primary Key:**".length()).trim();
            }
            if (line.startsWith("**Foreign Keys:**")) {
                Matcher f = FK.matcher(line.substring("**Foreign Keys:**".length()));
                while (f.find()) {
                    fks.add(new ForeignKey(f.group(1), f.group(2), f.group(3)));
                }
            }
            if (line.startsWith("**Indexes:**")) {
                for (String ix : line.substring("**Indexes:**".length()).split(",")) {
                    indexes.add(ix.trim());
                }
            }
        }
        if (name != null) {
            tables.put(name, new Table(name, columns, count, pk, fks, indexes));
        }
        return new SsotSchema(tables);
    }
}
