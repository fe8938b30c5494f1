package com.voxanne.ops.records;

import java.time.Instant;
import java.util.UUID;

/** A row of call_tracking: where a caller came from before they called. */
public record CallTracking(
        UUID id,
        UUID orgId,
        UUID callId,
        UUID contactId,
        String trackedUrl,
        String utmSource,
        String utmMedium,
        String utmCampaign,
        String deviceType,
        String browser,
        String os,
        String ipAddress,
        String location,
        Instant createdAt) {
}
