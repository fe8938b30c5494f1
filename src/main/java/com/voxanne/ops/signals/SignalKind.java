package com.voxanne.ops.signals;

import java.util.Arrays;
import java.util.Optional;

/**
 * What can have gone wrong on a call (docs/SIGNALS.md has the rules). The keys are the
 * command line's and its JSON's ({@code voxconsole review signals --kind booking_not_found}), kept
 * as they are because operators script them.
 */
public enum SignalKind {
    BOOKING_NOT_FOUND("booking_not_found", "Booking not found", "No booking"),
    BOOKING_MISMATCH("booking_mismatch", "Booking at another time", "Wrong time"),
    REPEAT_CALL("repeat_call", "Called again", "Called again"),
    NO_SHOW_AFTER_BOOKING("no_show_after_booking", "No-show", "No-show"),
    HOT_LEAD_NO_FOLLOW_UP("hot_lead_no_follow_up", "Hot lead not followed up", "Lead missed"),
    UNRESOLVED_NEGATIVE("unresolved_negative", "Unhappy caller not followed up", "Unresolved"),
    DROPPED("dropped", "Dropped", "Dropped");

    private final String key;
    private final String label;
    private final String shortLabel;

    SignalKind(String key, String label, String shortLabel) {
        this.key = key;
        this.label = label;
        this.shortLabel = shortLabel;
    }

    /** As the call log's narrow Outcome column shows it; the tooltip and the detail say the rest. */
    public String shortLabel() {
        return shortLabel;
    }

    /** As the database, the command line and the JSON name it. */
    public String key() {
        return key;
    }

    /** As the console shows it. */
    public String label() {
        return label;
    }

    public static Optional<SignalKind> byKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** The keys, as "booking_not_found, booking_mismatch, …", for a message that lists what is accepted. */
    public static String keys() {
        return String.join(", ", Arrays.stream(values()).map(SignalKind::key).toList());
    }
}
