package com.voxanne.ops.bench;

/**
 * One line of the report: a scenario, what the console measured, what the baseline measured in the
 * same run (or null), the goal as written in the issue, and whether the figure meets it.
 *
 * @param unit "ms" for latencies (p50/p95 are percentiles), or another unit for a single figure (then p50 = p95)
 * @param ratio baseline / ours for latencies, or ours / baseline where a smaller baseline is the good side (noted in {@code note})
 */
public record Outcome(String scenario, String unit, Timing ours, Timing baseline, String baselineName, double ratio, String goal,
                      boolean goalMet, String note) {
}
