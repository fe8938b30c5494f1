package com.voxanne.ops.alerts;

import java.time.Instant;
import java.util.UUID;

/** A row of hot_lead_alerts. */
public record HotLeadAlert(
        UUID id,
        UUID orgId,
        UUID contactId,
        UUID callId,
        String reason,
        Integer leadScore,
        String urgency,
        Instant acknowledgedAt,
        UUID acknowledgedBy,
        Instant createdAt) {

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }
}
