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

    /**
     * A baseline: one untimed run, then up to {@code runs} timed ones, but only three when one run
     * takes more than a second (a slow baseline's spread matters less than the suite's length).
     */
    public static Timing baseline(int runs, Callable<?> op) throws Exception {
        double first = time(op);
        return of(0, first > 1_000 ? 3 : Math.max(3, runs), op);
    }

    /**
     * Two operations measured in turns (a b, b a, a b, …), so neither gains from running later on a
     * warmer JVM, cache or server: for comparisons whose difference is a fraction of a millisecond.
     */
    public static Timing[] interleaved(int warmups, int runs, Callable<?> a, Callable<?> b) throws Exception {
        for (int i = 0; i < warmups; i++) {
            a.call();
            b.call();
        }
        double[] msA = new double[runs];
        double[] msB = new double[runs];
        for (int i = 0; i < runs; i++) {
            boolean aFirst = i % 2 == 0;
            double first = time(aFirst ? a : b);
            double second = time(aFirst ? b : a);
            msA[i] = aFirst ? first : second;
            msB[i] = aFirst ? second : first;
        }
        return new Timing[] {of(msA), of(msB)};
    }

    private static double time(Callable<?> op) throws Exception {
        long t0 = System.nanoTime();
        op.call();
        return (System.nanoTime() - t0) / 1e6;
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
