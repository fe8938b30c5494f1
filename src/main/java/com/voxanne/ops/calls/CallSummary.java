package com.voxanne.ops.calls;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of the call log: what the table shows, nothing heavier (no transcript). */
public record CallSummary(
        UUID id,
        Instant createdAt,
        String callDirection,
        String fromNumber,
        String toNumber,
        UUID contactId,
        String contactName,
        String callerName,
        Integer durationSeconds,
        String status,
        String sentimentLabel,
        String sentimentUrgency,
        BigDecimal sentimentScore) {

    /** The keyset position just after this row, for the next page. */
    public CallCursor cursor() {
        return new CallCursor(createdAt, id, durationSeconds == null ? -1 : durationSeconds);
    }

    /** Who the call was with: the contact's name when the number is known, else what the caller said. */
    public String displayName() {
        return contactName != null ? contactName : callerName;
    }
}
