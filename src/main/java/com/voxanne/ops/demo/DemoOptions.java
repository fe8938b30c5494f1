package com.voxanne.ops.demo;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What the demo generator makes. The same seed, call count and anchor day give byte-identical
 * data; the anchor (default: today, UTC) is the day the generated history ends.
 */
public record DemoOptions(long seed, int calls, LocalDate anchor, int organizations) {

    public static final long DEFAULT_SEED = 20_260_209L;
    public static final int DEFAULT_CALLS = 20_000;
    /** The organizations listed in resources/demo/organizations.tsv. */
    public static final int DEFAULT_ORGANIZATIONS = 8;

    public DemoOptions {
        if (calls < 0) {
            throw new IllegalArgumentException("The number of calls cannot be negative.");
        }
        if (organizations < 1 || organizations > 200) {
            throw new IllegalArgumentException("The number of organizations must be between 1 and 200.");
        }
    }

    /** The demo platform's key for its credentials (a real platform keeps its own, elsewhere; the console never decrypts). */
    public String credentialKey() {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("voxanne demo platform credentials " + seed).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public DemoOptions(long seed, int calls, LocalDate anchor) {
        this(seed, calls, anchor, DEFAULT_ORGANIZATIONS);
    }

    public DemoOptions withOrganizations(int n) {
        return new DemoOptions(seed, calls, anchor, n);
    }

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_SEED, DEFAULT_CALLS, LocalDate.now(ZoneOffset.UTC));
    }

    public DemoOptions withCalls(int n) {
        return new DemoOptions(seed, n, anchor, organizations);
    }

    /** Large data sets spread over two years, small ones over four months so every chart has data. */
    int historyDays() {
        return calls > 100_000 ? 730 : 120;
    }
}
