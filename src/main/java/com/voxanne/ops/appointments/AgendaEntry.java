package com.voxanne.ops.appointments;

import java.time.Instant;
import java.util.UUID;

/**
 * An appointment as the agenda shows it: with its contact, and the two signals of a likely no-show
 * (earlier no-shows of the contact, a negative call of theirs in the 30 days before).
 */
public record AgendaEntry(
        UUID id,
        UUID contactId,
        String title,
        String description,
        Instant scheduledAt,
        int durationMinutes,
        String status,
        String location,
        String notes,
        Instant reminderSentAt,
        Instant createdAt,
        Instant updatedAt,
        String contactName,
        String contactPhone,
        int earlierNoShows,
        boolean recentNegativeCall) {

    public boolean noShowRisk() {
        return "scheduled".equals(status) && (earlierNoShows > 0 || recentNegativeCall);
    }

    /** Why the appointment is flagged, in words, or empty. */
    public String riskReason() {
        if (!noShowRisk()) {
            return "";
        }
        String shows = earlierNoShows == 0 ? "" : earlierNoShows == 1 ? "missed an earlier appointment" : "missed " + earlierNoShows + " earlier appointments";
        String call = recentNegativeCall ? "had an unhappy call in the last 30 days" : "";
        return "No-show risk: " + String.join(" and ", java.util.stream.Stream.of(shows, call).filter(s -> !s.isEmpty()).toList()) + ".";
    }
}
