package com.voxanne.ops.adoption;

import java.util.List;

/**
 * The data rules of the schema SSOT ("Validation Rules": E.164 phones, valid e-mails, value sets,
 * uniqueness), as queries that find the rows breaking them. The dry run counts those rows so an
 * operator sees the state of the data; the console applies the same rules to its own writes
 * only (V3), never to the platform's. Each query returns the offending rows' ids.
 */
public record DataRule(String table, String rule, String violations) {

    // The same patterns as voxconsole.is_e164 / is_email (V3), which do not exist before adoption.
    private static final String E164 = "'^\\+[1-9][0-9]{6,14}$'";
    private static final String EMAIL = "'^[A-Za-z0-9.!#$%&''*+/=?^_`{|}~-]+@[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$'";

    public static final List<DataRule> ALL = List.of(
            phone("organizations", "phone"), email("organizations", "email"),
            values("organizations", "plan", "'starter', 'professional', 'enterprise'"),
            values("organizations", "telephony_mode", "'byoc', 'managed', 'none'"),
            email("profiles", "email"), phone("profiles", "phone"), values("profiles", "role", "'admin', 'manager', 'user'"),
            values("profiles", "status", "'active', 'inactive', 'suspended'"),
            new DataRule("profiles", "one profile per e-mail", "select id from public.profiles p where exists (select 1 from public.profiles q"
                    + " where lower(q.email) = lower(p.email) and q.id <> p.id)"),
            phone("contacts", "phone"), email("contacts", "email"), values("contacts", "lead_status", "'hot', 'warm', 'cold', 'contacted'"),
            new DataRule("contacts", "lead_score between 0 and 100", "select id from public.contacts where lead_score not between 0 and 100"),
            new DataRule("contacts", "one contact per phone number in an organization", "select id from public.contacts c where exists"
                    + " (select 1 from public.contacts d where d.org_id = c.org_id and d.phone = c.phone and d.id <> c.id)"),
            values("calls", "call_direction", "'inbound', 'outbound'"), phone("calls", "from_number"), phone("calls", "to_number"),
            values("calls", "status", "'pending', 'in_progress', 'completed', 'failed'"),
            values("calls", "sentiment_label", "'positive', 'neutral', 'negative'"),
            values("calls", "sentiment_urgency", "'low', 'medium', 'high', 'critical'"),
            new DataRule("calls", "sentiment_score between 0.0 and 1.0", "select id from public.calls where sentiment_score not between 0 and 1"),
            new DataRule("calls", "a contact of the call's own organization", "select c.id from public.calls c join public.contacts ct"
                    + " on ct.id = c.contact_id where ct.org_id <> c.org_id"),
            values("appointments", "status", "'scheduled', 'completed', 'cancelled', 'no-show'"),
            new DataRule("appointments", "a contact of the appointment's own organization", "select a.id from public.appointments a"
                    + " join public.contacts ct on ct.id = a.contact_id where ct.org_id <> a.org_id"),
            values("call_tracking", "device_type", "'mobile', 'desktop', 'unknown'"),
            email("onboarding_submissions", "email"), phone("onboarding_submissions", "phone"));

    private static DataRule phone(String table, String column) {
        return new DataRule(table, column + " in E.164 form",
                "select id from public." + table + " where " + column + " is not null and " + column + " !~ " + E164);
    }

    private static DataRule email(String table, String column) {
        return new DataRule(table, column + " a valid e-mail address",
                "select id from public." + table + " where " + column + " is not null and (length(" + column + ") > 254 or "
                        + column + " !~ " + EMAIL + ")");
    }

    private static DataRule values(String table, String column, String allowed) {
        return new DataRule(table, column + " one of " + allowed.replace("'", ""),
                "select id from public." + table + " where " + column + " not in (" + allowed + ")");
    }
}
