package com.voxanne.ops.organizations;

import java.time.Instant;
import java.util.UUID;

/** A row of organizations. settings is the raw jsonb text. */
public record Organization(
        UUID id,
        String name,
        String email,
        String phone,
        String website,
        String plan,
        String stripeCustomerId,
        Integer walletBalancePence,
        String telephonyMode,
        String settings,
        Instant createdAt,
        Instant updatedAt) {
}
