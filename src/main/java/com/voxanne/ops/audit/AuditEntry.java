package com.voxanne.ops.audit;

import java.time.Instant;
import java.util.UUID;

/** One entry of the audit trail, with the person's name where the login belongs to a profile. */
public record AuditEntry(UUID id, Instant createdAt, String actorLogin, String actorName, String action, String entity, UUID entityId,
                         String details) {
}
