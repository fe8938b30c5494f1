package com.voxanne.ops.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The suite's results as a table for people and as JSON for tracking them over time. */
public final class BenchReport {

    private BenchReport() {
    }

    /** One scenario as a line of text (printed as the suite goes). */
    static String line(Outcome o) {
        String ours = figure(o.ours(), o.unit());
        String base = o.baseline() == null ? "" : "; " + o.baselineName() + " " + figure(o.baseline(), o.unit());
        String ratio = Double.isNaN(o.ratio()) ? "" : String.format(Locale.ROOT, "; ratio %.1fx", o.ratio());
        return String.format("%s: %s%s%s — goal %s: %s%s", o.scenario(), ours, base, ratio, o.goal(), o.goalMet() ? "met" : "NOT MET",
                o.note().isEmpty() ? "" : " (" + o.note() + ")");
    }

    private static String figure(Timing t, String unit) {
        if ("ms".equals(unit)) {
            return String.format(Locale.ROOT, "p50 %s ms, p95 %s ms", number(t.p50()), number(t.p95()));
        }
        return number(t.p50()) + " " + unit;
    }

    private static String number(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** The Markdown table docs/PERFORMANCE.md carries. */
    public static void table(List<Outcome> outcomes, PrintWriter out) {
        out.println("| Scenario | Ours p50 | Ours p95 | Baseline | Baseline p50 | Baseline p95 | Ratio | Goal | Met |");
        out.println("|---|---:|---:|---|---:|---:|---:|---|---|");
        for (Outcome o : outcomes) {
            boolean ms = "ms".equals(o.unit());
            out.printf("| %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", o.scenario() + (o.note().isEmpty() ? "" : " — " + o.note()),
                    number(o.ours().p50()) + " " + o.unit(), ms ? number(o.ours().p95()) + " ms" : "",
                    o.baseline() == null ? "" : o.baselineName(),
                    o.baseline() == null ? "" : number(o.baseline().p50()) + " " + o.unit(),
                    o.baseline() == null || !ms ? "" : number(o.baseline().p95()) + " ms",
                    Double.isNaN(o.ratio()) ? "" : String.format(Locale.ROOT, "%.1f×", o.ratio()), o.goal(), o.goalMet() ? "yes" : "**no**");
        }
        out.flush();
    }

    public static void json(List<Outcome> outcomes, Map<String, Object> facts, Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("when", Instant.now().toString());
        doc.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java", System.getProperty("java.version"),
                "os", System.getProperty("os.name") + " " + System.getProperty("os.version")));
        doc.put("facts", facts);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", o.scenario());
            row.put("unit", o.unit());
            row.put("oursP50", o.ours().p50());
            row.put("oursP95", o.ours().p95());
            row.put("runs", o.ours().runs());
            if (o.baseline() != null) {
                row.put("baseline", o.baselineName());
                row.put("baselineP50", o.baseline().p50());
                row.put("baselineP95", o.baseline().p95());
            }
            if (!Double.isNaN(o.ratio())) {
                row.put("ratio", o.ratio());
            }
            row.put("goal", o.goal());
            row.put("goalMet", o.goalMet());
            row.put("note", o.note());
            rows.add(row);
        }
        doc.put("scenarios", rows);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), doc);
    }
}
