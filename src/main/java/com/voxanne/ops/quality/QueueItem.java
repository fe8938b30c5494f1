package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A call waiting for review, as the Review workspace lists it.
 *
 * @param reasons why it is there: {@code sample}, {@code signal:<kind>}, {@code sent}
 */
public record QueueItem(UUID id, UUID callId, Instant callCreatedAt, String callerName, String callerNumber, String summary,
                        List<String> reasons, Instant queuedAt, UUID assigneeId, String assigneeName, UUID takenBy, String takenByName,
                        Instant takenAt, Instant updatedAt) {

    public QueueItem {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
