package com.voxanne.ops.bundle;

import java.util.List;

/** The .voxbundle layout: a plain ZIP anyone can open, with a signed manifest of SHA-256 digests. */
public final class BundleFormat {

    public static final String FORMAT = "voxbundle";
    public static final int VERSION = 1;
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String CALLS = "calls.jsonl";
    public static final String CALLS_CSV = "calls.csv";
    public static final String CONTACTS = "contacts.jsonl";
    public static final String APPOINTMENTS = "appointments.jsonl";
    public static final String TRACKING = "call_tracking.jsonl";
    /** The organization's scorecards (their newest versions, one per line), for evaluating its calls offline (issue 17). */
    public static final String SCORECARDS = "scorecards.jsonl";
    public static final List<String> DATA_ENTRIES = List.of(CALLS, CALLS_CSV, CONTACTS, APPOINTMENTS, TRACKING);

    /** Limits that keep a hostile bundle from exhausting memory or disk while it is checked. */
    static final long MAX_MANIFEST_BYTES = 1 << 20;
    static final long MAX_ENTRY_BYTES = 8L << 30;
    /** An export writes seven entries; room for a few more in later formats, none for a bomb by count. */
    static final int MAX_ENTRIES = 32;
    /** Entry names an export writes: plain file names, no folders. */
    static final java.util.regex.Pattern ENTRY_NAME = java.util.regex.Pattern.compile("[a-z0-9_]{1,40}\\.(jsonl|json|csv|sig)");

    private BundleFormat() {
    }
}
