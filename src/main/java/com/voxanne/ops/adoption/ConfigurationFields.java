package com.voxanne.ops.adoption;

import java.util.List;
import java.util.Map;

/**
 * The fields the console shows of each configuration table, for the dry run's report of what it
 * will leave out on this database. Nothing here blocks adoption: the console reads these tables
 * through the columns the catalog finds (see {@code catalog.PlatformColumns}); a missing one is a
 * field not shown, or a change not offered.
 */
final class ConfigurationFields {

    static final Map<String, List<String>> SHOWN = Map.ofEntries(
            Map.entry("agents", List.of("name", "description", "status", "call_role", "language", "voice_provider", "voice_id",
                    "model_provider", "model_name", "phone_number", "transfer_number", "timezone", "after_hours_behavior",
                    "business_hours", "recording_enabled", "updated_at")),
            Map.entry("services", List.of("name", "description", "duration_minutes", "price_pence", "active")),
            Map.entry("knowledge_base", List.of("title", "category", "content", "content_type", "status", "version", "updated_at")),
            Map.entry("knowledge_base_chunks", List.of("knowledge_base_id", "chunk_index", "content", "token_count")),
            Map.entry("knowledge_base_changelog", List.of("knowledge_base_id", "version", "change_type", "change_summary", "created_at")),
            Map.entry("integrations", List.of("provider", "display_name", "status", "last_synced_at", "error_message")),
            Map.entry("org_credentials", List.of("provider", "label", "secret_hint", "expires_at", "last_used_at", "updated_at")),
            Map.entry("carrier_forwarding_rules", List.of("country_code", "carrier_name", "forwarding_type", "activation_code",
                    "deactivation_code", "destination_number")),
            Map.entry("leads", List.of("contact_id", "source", "stage", "value_pence", "owner_profile_id", "expected_close_date",
                    "lost_reason", "notes", "updated_at")),
            Map.entry("telephony_country_audit_log", List.of("country_code", "previous_mode", "new_mode", "phone_number",
                    "changed_by_login", "reason", "created_at")),
            Map.entry("security_audit_log", List.of("event_type", "login_role", "ip_address", "details", "created_at")),
            Map.entry("org_feature_flags", List.of("org_id", "feature_flag_id", "enabled", "config", "notes", "updated_at")),
            Map.entry("hot_lead_alerts", List.of("org_id", "contact_id", "call_id", "reason", "lead_score", "urgency", "created_at")),
            Map.entry("twilio_subaccounts", List.of("account_sid", "friendly_name", "status")),
            Map.entry("escalation_rules", List.of("org_id", "name", "enabled", "trigger_type", "threshold", "action", "target", "updated_at")),
            Map.entry("integration_settings", List.of("provider", "display_name", "enabled", "docs_url")));

    private ConfigurationFields() {
    }
}
