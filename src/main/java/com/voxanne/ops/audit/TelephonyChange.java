package com.voxanne.ops.audit;

import java.time.Instant;
import java.util.UUID;

/** A row of telephony_country_audit_log: a country's telephony mode changed. */
public record TelephonyChange(UUID id, String countryCode, String previousMode, String newMode, String phoneNumber, String changedByLogin,
                              String reason, Instant createdAt) {
}
