package com.voxanne.ops.adoption;

import java.util.List;
import java.util.Map;

/**
 * What the console needs of the platform's production tables: the schema SSOT's columns, each
 * with the kinds of type the console can work with. The configuration tables are not here: the
 * console reads them through the columns it finds.
 */
final class PlatformContract {

    /** A column the console reads, and the type names (pg_type.typname) it accepts for it. */
    record Column(String name, List<String> types) {
    }

    private static final List<String> UUID = List.of("uuid");
    private static final List<String> TEXT = List.of("text", "varchar", "bpchar", "citext");
    private static final List<String> INTEGER = List.of("int4", "int8", "int2");
    private static final List<String> NUMERIC = List.of("numeric", "float8", "float4");
    private static final List<String> TIME = List.of("timestamptz");
    private static final List<String> BOOLEAN = List.of("bool");
    private static final List<String> JSON = List.of("jsonb", "json");

    static final Map<String, List<Column>> TABLES = Map.of(
            "organizations", List.of(c("id", UUID), c("name", TEXT), c("email", TEXT), c("phone", TEXT), c("website", TEXT),
                    c("plan", TEXT), c("stripe_customer_id", TEXT), c("wallet_balance_pence", INTEGER), c("telephony_mode", TEXT),
                    c("settings", JSON), c("created_at", TIME), c("updated_at", TIME)),
            "profiles", List.of(c("id", UUID), c("org_id", UUID), c("email", TEXT), c("full_name", TEXT), c("avatar_url", TEXT),
                    c("role", TEXT), c("phone", TEXT), c("status", TEXT), c("last_login", TIME), c("created_at", TIME), c("updated_at", TIME)),
            "contacts", List.of(c("id", UUID), c("org_id", UUID), c("phone", TEXT), c("email", TEXT), c("first_name", TEXT),
                    c("last_name", TEXT), c("lead_status", TEXT), c("lead_score", INTEGER), c("notes", TEXT), c("last_contacted_at", TIME),
                    c("created_at", TIME), c("updated_at", TIME)),
            "calls", List.of(c("id", UUID), c("org_id", UUID), c("contact_id", UUID), c("call_direction", TEXT), c("from_number", TEXT),
                    c("to_number", TEXT), c("duration_seconds", INTEGER), c("status", TEXT), c("transcript", TEXT), c("summary", TEXT),
                    c("sentiment_label", TEXT), c("sentiment_score", NUMERIC), c("sentiment_summary", TEXT), c("sentiment_urgency", TEXT),
                    c("phone_number", TEXT), c("caller_name", TEXT), c("vapi_call_id", TEXT), c("recording_url", TEXT),
                    c("created_at", TIME), c("updated_at", TIME)),
            "appointments", List.of(c("id", UUID), c("org_id", UUID), c("contact_id", UUID), c("title", TEXT), c("description", TEXT),
                    c("scheduled_at", TIME), c("duration_minutes", INTEGER), c("status", TEXT), c("location", TEXT), c("notes", TEXT),
                    c("reminder_sent_at", TIME), c("created_at", TIME), c("updated_at", TIME)),
            "call_tracking", List.of(c("id", UUID), c("org_id", UUID), c("call_id", UUID), c("contact_id", UUID), c("tracked_url", TEXT),
                    c("utm_source", TEXT), c("utm_medium", TEXT), c("utm_campaign", TEXT), c("device_type", TEXT), c("browser", TEXT),
                    c("os", TEXT), c("ip_address", TEXT), c("location", TEXT), c("created_at", TIME)),
            "feature_flags", List.of(c("id", UUID), c("name", TEXT), c("description", TEXT), c("enabled", BOOLEAN),
                    c("rollout_percentage", INTEGER), c("created_at", TIME)),
            "org_tools", List.of(c("id", UUID), c("org_id", UUID), c("tool_name", TEXT), c("enabled", BOOLEAN), c("config", JSON),
                    c("created_at", TIME), c("updated_at", TIME)),
            "onboarding_submissions", List.of(c("id", UUID), c("org_id", UUID), c("email", TEXT), c("phone", TEXT), c("name", TEXT),
                    c("company", TEXT), c("message", TEXT), c("source", TEXT), c("ip_address", TEXT), c("created_at", TIME)));

    /** Tables holding organizations' rows: row-level security must be on, as the web app has it. */
    static final List<String> TENANT_TABLES = List.of("calls", "contacts", "appointments", "call_tracking", "profiles", "org_tools",
            "organizations", "onboarding_submissions");

    private PlatformContract() {
    }

    private static Column c(String name, List<String> types) {
        return new Column(name, types);
    }
}
