package com.voxanne.ops.audit;

import java.time.Instant;
import java.util.UUID;

/** A row of security_audit_log: a sign-in, a login made or dropped, a role change, a refusal. */
public record SecurityEvent(UUID id, String eventType, String loginRole, String ipAddress, String details, Instant createdAt) {
}
