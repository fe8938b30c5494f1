package com.voxanne.ops.demo;

import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Deterministic randomness for the demo data. Every row draws from a generator derived from the
 * seed and the row's own coordinates, so any row can be re-derived on its own (calls are streamed
 * once, then re-derived cheaply for their appointments and tracking rows) and the whole data set
 * is identical for the same seed.
 */
final class DemoRandom {

    private final SplittableRandom random;

    private DemoRandom(SplittableRandom random) {
        this.random = random;
    }

    static DemoRandom of(long seed, long... coordinates) {
        long h = seed;
        for (long c : coordinates) {
            h = mix(h ^ mix(c + 0x9E3779B97F4A7C15L));
        }
        return new DemoRandom(new SplittableRandom(h));
    }

    /** A version-4 UUID drawn from this generator. */
    UUID uuid() {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    int between(int lowInclusive, int highInclusive) {
        return random.nextInt(lowInclusive, highInclusive + 1);
    }

    double between(double low, double high) {
        return low + random.nextDouble() * (high - low);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    long nextLong(long bound) {
        return random.nextLong(bound);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Picks an index with probability proportional to its weight. */
    int weighted(int[] cumulativeWeights) {
        int total = cumulativeWeights[cumulativeWeights.length - 1];
        int x = random.nextInt(total);
        for (int i = 0; i < cumulativeWeights.length; i++) {
            if (x < cumulativeWeights[i]) {
                return i;
            }
        }
        return cumulativeWeights.length - 1;
    }

    /** A stable UUID for a row known only by its coordinates (org k's contact i, say). */
    static UUID uuidFor(long seed, long... coordinates) {
        return of(seed, coordinates).uuid();
    }

    static int[] cumulative(int[] weights) {
        int[] c = new int[weights.length];
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
