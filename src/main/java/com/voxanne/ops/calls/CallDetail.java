package com.voxanne.ops.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A whole call, for the detail pane. */
public record CallDetail(
        UUID id,
        UUID orgId,
        UUID contactId,
        String callDirection,
        String fromNumber,
        String toNumber,
        Integer durationSeconds,
        String status,
        String transcript,
        String summary,
        String sentimentLabel,
        BigDecimal sentimentScore,
        String sentimentSummary,
        String sentimentUrgency,
        String phoneNumber,
        String callerName,
        String vapiCallId,
        String recordingUrl,
        Instant createdAt,
        Instant updatedAt) {
}
