package com.voxanne.ops.demo;

import java.util.List;

/** One kind of call the demo generator can write: its transcript template and what it leads to. */
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
        String summary,
        String sentimentSummary,
        List<Turn> turns) {

    /** A speaker turn; optional turns appear in about half of the calls. */
    record Turn(boolean agent, boolean optional, String text) {
    }
}
