package com.voxanne.ops.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The baseline for the sentiment charts: what a tool without database-side aggregation does, reading
 * every call of the period and counting in memory (the same charts: mix per week, average score,
 * urgency, direction by status, the most urgent negative calls).
 */
final class ClientSideCharts {

    private record Row(Instant createdAt, String label, Double score, String urgency, String direction, String status, String caller) {
    }

    private ClientSideCharts() {
    }

    static int compute(Jdbi db, UUID org, Instant from, Instant to, ZoneId zone) {
        List<Row> rows = db.withHandle(h -> h.createQuery("""
                        select created_at, sentiment_label, sentiment_score, sentiment_urgency, call_direction, status, caller_name
                        from public.calls where org_id = :o and created_at >= :f and created_at < :t""")
                .bind("o", org).bind("f", from.atOffset(java.time.ZoneOffset.UTC)).bind("t", to.atOffset(java.time.ZoneOffset.UTC))
                .map((rs, ctx) -> new Row(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getObject(3) == null ? null : rs.getDouble(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list());
        Map<LocalDate, int[]> mix = new TreeMap<>();
        Map<LocalDate, double[]> score = new TreeMap<>();
        Map<String, Integer> urgency = new TreeMap<>();
        Map<String, Integer> directionStatus = new TreeMap<>();
        for (Row r : rows) {
            LocalDate week = r.createdAt().atZone(zone).toLocalDate();
            week = week.minusDays(week.getDayOfWeek().getValue() - 1L);
            if (r.label() != null) {
                mix.computeIfAbsent(week, w -> new int[3])[switch (r.label()) {
                    case "positive" -> 0;
                    case "neutral" -> 1;
                    default -> 2;
                }]++;
            }
            if (r.score() != null) {
                double[] s = score.computeIfAbsent(week, w -> new double[2]);
                s[0] += r.score();
                s[1]++;
            }
            if (r.urgency() != null) {
                urgency.merge(r.urgency(), 1, Integer::sum);
            }
            directionStatus.merge(r.direction() + "/" + r.status(), 1, Integer::sum);
        }
        List<Row> attention = rows.stream().filter(r -> "negative".equals(r.label()))
                .sorted(Comparator.comparing((Row r) -> switch (String.valueOf(r.urgency())) {
                    case "critical" -> 0;
                    case "high" -> 1;
                    case "medium" -> 2;
                    default -> 3;
                }).thenComparing(Row::score, Comparator.nullsLast(Comparator.naturalOrder()))).limit(25).toList();
        return mix.size() + score.size() + urgency.size() + directionStatus.size() + attention.size();
    }
}
