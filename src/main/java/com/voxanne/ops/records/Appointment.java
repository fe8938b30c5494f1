package com.voxanne.ops.records;

import java.time.Instant;
import java.util.UUID;

/** A row of appointments. */
public record Appointment(
        UUID id,
        UUID orgId,
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
        Instant updatedAt) {
}
