package com.voxanne.ops.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the demo generator makes. The same seed, call count and anchor day give byte-identical
 * data; the anchor (default: today, UTC) is the day the generated history ends.
 */
public record DemoOptions(long seed, int calls, LocalDate anchor) {

    public static final long DEFAULT_SEED = 20_260_209L;
    public static final int DEFAULT_CALLS = 20_000;

    public DemoOptions {
        if (calls < 0) {
            throw new IllegalArgumentException("The number of calls cannot be negative.");
        }
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SEED, DEFAULT_CALLS, LocalDate.now(ZoneOffset.UTC));
    }

    public DemoOptions withCalls(int n) {
        return new DemoOptions(seed, n, anchor);
    }

    /** Large data sets spread over two years, small ones over four months so every chart has data. */
    int historyDays() {
        return calls > 100_000 ? 730 : 120;
    }
}
