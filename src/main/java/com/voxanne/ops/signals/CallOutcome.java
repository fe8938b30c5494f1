package com.voxanne.ops.signals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A call's signals and what happened after it, in the words the console shows (the log's Outcome column, the detail). */
public record CallOutcome(List<Signal> signals, AfterTheCall after, Instant asOf) {

    /** "upcoming", "completed", "no-show", "cancelled", or null when the call booked nothing. */
    public String booking() {
        String status = after.appointmentStatus();
        if (status == null) {
            return null;
        }
        return status.equals("scheduled") ? (after.appointmentAt() != null && after.appointmentAt().isAfter(asOf) ? "upcoming" : "not updated")
                : status;
    }

    /** A word or two for the log: the first signal, else the first thing that happened ("Upcoming", "Called again"). */
    public String summary() {
        if (!signals.isEmpty()) {
            return signals.get(0).kind().shortLabel();
        }
        String booking = booking();
        if (booking != null) {
            return switch (booking) {
                case "upcoming" -> "Upcoming";
                case "completed" -> "Attended";
                case "no-show" -> "No-show";
                case "cancelled" -> "Cancelled";
                default -> "Booked";
            };
        }
        return after.calledAgainId() != null ? "Called again" : after.followedUp() ? "Followed up" : "";
    }

    /** Everything that happened, for a tooltip: "Booked, upcoming · called again · followed up". */
    public String details() {
        List<String> parts = new ArrayList<>();
        if (booking() != null) {
            parts.add("Booked, " + booking());
        }
        if (after.calledAgainId() != null) {
            parts.add("called again within 48 hours");
        }
        if (after.followedUp()) {
            parts.add("followed up within 24 hours");
        }
        if (after.leadStatus() != null) {
            parts.add("lead now " + after.leadStatus());
        }
        String text = String.join(" · ", parts);
        return text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public boolean flagged() {
        return !signals.isEmpty();
    }
}
