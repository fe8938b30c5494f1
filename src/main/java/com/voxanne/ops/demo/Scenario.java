package com.voxanne.ops.demo;

import java.util.List;

/**
 * One kind of call the demo generator can write: its transcript template and what it leads to.
 * {@code claimsBooking} and {@code arrangesCallBack} are what its words say (the agent or the
 * summary says a booking was made; the caller will ring again, or was asked to), which the
 * signals' ground truth relies on (docs/SIGNALS.md). A scenario of weight 0 is never drawn: it is
 * written only as the later call of another (a repeat, a follow-up).
 */
record Scenario(
        String key,
        boolean inbound,
        String sentimentLabel,
        String urgency,
        double minScore,
        double maxScore,
        int weight,
        boolean booksAppointment,
        boolean hotLead,
        boolean claimsBooking,
        boolean arrangesCallBack,
        String summary,
        String sentimentSummary,
        List<Turn> turns) {

    /** Whether the call names a price ("two payments of {price}"): it is then about a service that has one. */
    boolean mentionsPrice() {
        return summary.contains("{price}") || turns.stream().anyMatch(t -> t.text().contains("{price}"));
    }

    /** Whether the caller says who they are (the texts name them); a wrong number, say, does not. */
    boolean namesCaller() {
        return summary.contains("{caller") || turns.stream().anyMatch(t -> t.text().contains("{caller"));
    }

    /** A speaker turn; optional turns appear in about half of the calls. */
    record Turn(boolean agent, boolean optional, String text) {
    }
}
