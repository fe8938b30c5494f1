package com.voxanne.ops.records;

import java.time.Instant;
import java.util.UUID;

/** A row of profiles: a person of an organization and their role. */
public record Profile(
        UUID id,
        UUID orgId,
        String email,
        String fullName,
        String avatarUrl,
        String role,
        String phone,
        String status,
        Instant lastLogin,
        Instant createdAt,
        Instant updatedAt) {
}
