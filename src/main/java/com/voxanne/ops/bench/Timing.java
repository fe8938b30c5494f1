package com.voxanne.ops.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * Repeated measurement of one operation: a few untimed warm-up runs, then timed runs, reported as
 * the median and 95th percentile in milliseconds. Nothing here asserts a timing: the figures are
 * printed beside a baseline measured the same way in the same run.
 */
public record Timing(double p50, double p95, int runs) {

    /** Runs {@code op} {@code warmups} times untimed, then {@code runs} times timed. */
    public static Timing of(int warmups, int runs, Callable<?> op) throws Exception {
        for (int i = 0; i < warmups; i++) {
            op.call();
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            op.call();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return of(ms);
    }

    /** Percentiles of measurements taken elsewhere (child processes, say). */
    public static Timing of(double... ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return new Timing(percentile(sorted, 50), percentile(sorted, 95), sorted.length);
    }

    private static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        // Nearest rank: the smallest value with at least p % of the measurements at or below it.
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
