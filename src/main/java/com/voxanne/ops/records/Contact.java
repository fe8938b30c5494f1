package com.voxanne.ops.records;

import java.time.Instant;
import java.util.UUID;

/** A row of contacts. */
public record Contact(
        UUID id,
        UUID orgId,
        String phone,
        String email,
        String firstName,
        String lastName,
        String leadStatus,
        Integer leadScore,
        String notes,
        Instant lastContactedAt,
        Instant createdAt,
        Instant updatedAt) {

    public String fullName() {
        return firstName + " " + lastName;
    }
}
