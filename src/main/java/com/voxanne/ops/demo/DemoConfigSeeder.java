package com.voxanne.ops.demo;

import static com.voxanne.ops.demo.DemoDataGenerator.utc;

import com.voxanne.ops.demo.DemoDataGenerator.DemoOrg;
import com.voxanne.ops.demo.DemoDataGenerator.DemoProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The configuration tables of the demo data: agents, services, knowledge base, integrations, rules, logs. */
final class DemoConfigSeeder {

    private static final int CONFIG = 20;
    private static final List<String[]> FEATURE_FLAGS = List.of(
            new String[] {"live_transcription", "Stream transcripts while the call is in progress", "true", "100"},
            new String[] {"sentiment_v2", "Second-generation sentiment model with urgency", "true", "50"},
            new String[] {"outbound_campaigns", "Outbound reminder and follow-up campaigns", "true", "100"},
            new String[] {"sms_confirmations", "Text the caller after booking", "true", "100"},
            new String[] {"voicemail_detection", "Leave a message when a machine answers", "false", "0"},
            new String[] {"multilingual_agents", "Agents that switch language mid-call", "false", "10"},
            new String[] {"call_recording_redaction", "Bleep card numbers in recordings", "true", "25"},
            new String[] {"crm_sync.hubspot", "Two-way sync of contacts with HubSpot", "false", "0"});
    private static final List<String[]> INTEGRATION_SETTINGS = List.of(
            new String[] {"google_calendar", "Google Calendar", "https://developers.google.com/calendar"},
            new String[] {"outlook_calendar", "Microsoft Outlook Calendar", "https://learn.microsoft.com/graph/outlook-calendar-concept-overview"},
            new String[] {"hubspot", "HubSpot CRM", "https://developers.hubspot.com/docs/api/overview"},
            new String[] {"salesforce", "Salesforce", "https://developer.salesforce.com/docs"},
            new String[] {"slack", "Slack", "https://api.slack.com"},
            new String[] {"zapier", "Zapier", "https://platform.zapier.com"},
            new String[] {"twilio", "Twilio", "https://www.twilio.com/docs"});

    private final DemoOptions options;
    private final DemoCatalog catalog;

    DemoConfigSeeder(DemoOptions options, DemoCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    void seed(Handle h, List<DemoOrg> orgs, Instant windowStart, Instant windowEnd) {
        List<UUID> flagIds = new java.util.ArrayList<>();
        for (int i = 0; i < FEATURE_FLAGS.size(); i++) {
            String[] f = FEATURE_FLAGS.get(i);
            UUID id = DemoRandom.uuidFor(options.seed(), CONFIG, 0, i);
            flagIds.add(id);
            RowInsert.into("feature_flags").set("id", id).set("name", f[0]).set("description", f[1])
                    .set("enabled", Boolean.parseBoolean(f[2])).set("rollout_percentage", Integer.parseInt(f[3]))
                    .set("created_at", utc(windowStart.minus(Duration.ofDays(300 - i * 20L)))).execute(h);
        }
        for (String[] s : INTEGRATION_SETTINGS) {
            RowInsert.into("integration_settings").set("provider", s[0]).set("display_name", s[1]).set("enabled", true)
                    .set("config", "{\"oauth\": " + !s[0].equals("twilio") + "}", "jsonb").set("docs_url", s[2]).execute(h);
        }
        for (int i = 0; i < 3; i++) {
            onboarding(h, null, i, windowEnd);
        }
        for (DemoOrg org : orgs) {
            seedOrg(h, org, flagIds, windowStart, windowEnd);
        }
    }

    private void seedOrg(Handle h, DemoOrg org, List<UUID> flagIds, Instant windowStart, Instant windowEnd) {
        DemoRandom r = DemoRandom.of(options.seed(), CONFIG, 1, org.index());
        UUID orgId = org.id();
        String name = org.template().name();
        DemoProfile admin = org.first("admin");
        boolean bigPlan = !"starter".equals(org.template().plan());

        // Knowledge base: three articles, each chunked for retrieval and with its history.
        String[][] articles = {
            {"Opening hours", "hours", "We are open Monday to Friday 8am to 7pm and Saturday 9am to 1pm. Closed on bank holidays."},
            {"Prices", "pricing", priceList(org)},
            {"Cancellation policy", "policy", "Please give us 24 hours' notice to cancel or move an appointment. Late cancellations may be charged 50% of the fee."}};
        UUID firstArticle = null;
        for (int a = 0; a < articles.length; a++) {
            UUID kb = r.uuid();
            firstArticle = firstArticle == null ? kb : firstArticle;
            RowInsert.into("knowledge_base").set("id", kb).set("org_id", orgId).set("title", articles[a][0]).set("category", articles[a][1])
                    .set("content", articles[a][2]).set("content_type", "markdown").set("status", a == 2 && !bigPlan ? "draft" : "published")
                    .set("version", 2).set("created_by", admin.id()).execute(h);
            String[] sentences = articles[a][2].split("(?<=\\.) ");
            for (int ch = 0; ch < sentences.length; ch++) {
                RowInsert.into("knowledge_base_chunks").set("knowledge_base_id", kb).set("chunk_index", ch).set("content", sentences[ch])
                        .set("token_count", sentences[ch].split("\\s+").length + 2).set("embedding", embedding(r), "real[]")
                        .set("embedding_model", "text-embedding-3-small").execute(h);
            }
            RowInsert.into("knowledge_base_changelog").set("knowledge_base_id", kb).set("version", 1).set("change_type", "created")
                    .set("change_summary", "First version").set("changed_by", admin.id()).execute(h);
            RowInsert.into("knowledge_base_changelog").set("knowledge_base_id", kb).set("version", 2).set("change_type", "published")
                    .set("change_summary", "Reviewed and published").set("changed_by", admin.id()).set("previous_content", articles[a][2]).execute(h);
        }

        // Agents: a receptionist everywhere, an outbound reminder agent on the bigger plans.
        agent(h, org, "Reception - " + org.agentName(), "inbound", firstArticle, r);
        if (bigPlan) {
            agent(h, org, "Reminders - " + org.agentName(), "outbound", firstArticle, r);
        }

        for (var s : org.services()) {
            RowInsert.into("services").set("org_id", orgId).set("name", s.name()).set("description", "Bookable by phone with the AI receptionist.")
                    .set("duration_minutes", s.durationMinutes()).set("price_pence", s.pricePence()).set("active", true).execute(h);
        }

        // Integrations, each with its encrypted credential.
        List<String[]> integrations = new java.util.ArrayList<>();
        integrations.add(new String[] {"google_calendar", "connected"});
        if (bigPlan) {
            integrations.add(new String[] {"slack", "connected"});
            integrations.add(new String[] {"hubspot", org.index() % 2 == 0 ? "error" : "connected"});
        }
        UUID twilioCredential = null;
        for (String[] in : integrations) {
            RowInsert.into("integrations").set("org_id", orgId).set("provider", in[0]).set("display_name", displayName(in[0]))
                    .set("status", in[1]).set("config", "{\"calendar_id\": \"primary\"}", "jsonb")
                    .set("last_synced_at", utc(windowEnd.minus(Duration.ofMinutes(r.between(5, 600)))))
                    .set("error_message", "error".equals(in[1]) ? "The access token was revoked; reconnect the integration." : null).execute(h);
            credential(h, orgId, in[0], "Default " + displayName(in[0]) + " token", admin.id(), r);
        }
        if ("managed".equals(org.template().telephonyMode())) {
            twilioCredential = credential(h, orgId, "twilio", "Subaccount auth token", admin.id(), r);
            StringBuilder sid = new StringBuilder("AC");
            for (int i = 0; i < 32; i++) {
                sid.append(Character.forDigit(r.between(0, 15), 16));
            }
            RowInsert.into("twilio_subaccounts").set("org_id", orgId).set("account_sid", sid.toString())
                    .set("friendly_name", name + " (Voxanne)").set("status", "active").set("credential_id", twilioCredential).execute(h);
        }
        if ("byoc".equals(org.template().telephonyMode())) {
            String[][] codes = {{"unconditional", "**21*", "##21#"}, {"busy", "**67*", "##67#"}, {"no_answer", "**61*", "##61#"}};
            for (String[] c : codes) {
                RowInsert.into("carrier_forwarding_rules").set("org_id", orgId).set("country_code", "GB")
                        .set("carrier_name", r.pick(List.of("EE", "Vodafone UK", "O2 UK", "BT Business"))).set("forwarding_type", c[0])
                        .set("activation_code", c[1] + org.phone() + "#").set("deactivation_code", c[2])
                        .set("destination_number", org.phone()).execute(h);
            }
        }
        RowInsert.into("telephony_country_audit_log").set("org_id", orgId).set("country_code", "GB").set("previous_mode", "none")
                .set("new_mode", org.template().telephonyMode()).set("phone_number", org.phone()).set("changed_by_login", "platform_onboarding")
                .set("reason", "Initial telephony set-up").set("details", "{\"ticket\": \"ONB-" + (1000 + org.index()) + "\"}", "jsonb")
                .set("created_at", utc(windowStart.minus(Duration.ofDays(30)))).execute(h);

        // Leads for a handful of contacts.
        for (int i = 0; i < 6; i++) {
            String stage = List.of("new", "qualified", "proposal", "won", "lost", "qualified").get(i);
            RowInsert.into("leads").set("org_id", orgId)
                    .set("contact_id", h.createQuery("select id from public.contacts where org_id = :o order by id limit 1 offset :i")
                            .bind("o", orgId).bind("i", i).mapTo(UUID.class).one())
                    .set("source", r.pick(List.of("phone", "website", "referral", "google ads"))).set("stage", stage)
                    .set("value_pence", r.between(50, 400) * 100).set("owner_profile_id", org.first("manager").id())
                    .set("expected_close_date", java.time.LocalDate.ofInstant(windowEnd, java.time.ZoneOffset.UTC).plusDays(r.between(3, 60)))
                    .set("lost_reason", "lost".equals(stage) ? "Chose a cheaper provider." : null).execute(h);
        }

        // Alerting rules, tools and per-organization feature overrides.
        RowInsert.into("escalation_rules").set("org_id", orgId).set("name", "Unhappy caller").set("trigger_type", "sentiment_below")
                .set("threshold", new java.math.BigDecimal("0.25")).set("action", "notify").set("target", "supervisors").execute(h);
        RowInsert.into("escalation_rules").set("org_id", orgId).set("name", "Critical urgency to duty manager").set("trigger_type", "urgency_at_least")
                .set("threshold", java.math.BigDecimal.valueOf(4)).set("action", "transfer").set("target", org.phone()).execute(h);
        RowInsert.into("escalation_rules").set("org_id", orgId).set("name", "Hot lead to sales").set("enabled", bigPlan).set("trigger_type", "lead_score_above")
                .set("threshold", java.math.BigDecimal.valueOf(85)).set("action", "email").set("target", "sales@" + org.template().domain()).execute(h);
        for (String tool : List.of("calendar_booking", "sms_confirmation", "crm_lookup")) {
            RowInsert.into("org_tools").set("org_id", orgId).set("tool_name", tool).set("enabled", !"crm_lookup".equals(tool) || bigPlan)
                    .set("config", "{\"max_results\": 5}", "jsonb").execute(h);
        }
        RowInsert.into("org_feature_flags").set("org_id", orgId).set("feature_flag_id", flagIds.get(1)).set("enabled", bigPlan)
                .set("notes", bigPlan ? "Early access" : "Waiting for plan upgrade").execute(h);
        if (org.index() % 3 == 0) {
            RowInsert.into("org_feature_flags").set("org_id", orgId).set("feature_flag_id", flagIds.get(5)).set("enabled", true)
                    .set("config", "{\"languages\": [\"en\", \"pl\", \"ur\"]}", "jsonb").execute(h);
        }

        // A little history in the logs.
        for (DemoProfile p : org.profiles()) {
            RowInsert.into("security_audit_log").set("org_id", orgId).set("event_type", "login_succeeded")
                    .set("login_role", p.email().substring(0, p.email().indexOf('@')).replace('.', '_'))
                    .set("ip_address", "203.0.113." + r.between(1, 254)).set("user_agent", "voxconsole/0.1")
                    .set("created_at", utc(windowEnd.minus(Duration.ofHours(r.between(1, 200))))).execute(h);
        }
        RowInsert.into("security_audit_log").set("org_id", orgId).set("event_type", "login_failed").set("login_role", "unknown")
                .set("ip_address", "198.51.100." + r.between(1, 254)).set("details", "{\"reason\": \"wrong password\"}", "jsonb").execute(h);
        RowInsert.into("audit_logs").set("org_id", orgId).set("actor_login", "platform_onboarding").set("action", "insert")
                .set("entity", "organizations").set("entity_id", orgId).set("details", "{\"note\": \"organization created\"}", "jsonb")
                .set("created_at", utc(windowStart.minus(Duration.ofDays(60)))).execute(h);
        RowInsert.into("audit_logs").set("org_id", orgId).set("actor_login", "platform_onboarding").set("action", "update")
                .set("entity", "organizations").set("entity_id", orgId)
                .set("details", "{\"old\": {\"plan\": \"starter\"}, \"new\": {\"plan\": \"" + org.template().plan() + "\"}}", "jsonb")
                .set("created_at", utc(windowStart.minus(Duration.ofDays(20)))).execute(h);
        for (int i = 0; i < 3; i++) {
            onboarding(h, orgId, org.index() * 10 + i + 1, windowEnd);
        }
    }

    private void agent(Handle h, DemoOrg org, String name, String role, UUID knowledgeBase, DemoRandom r) {
        boolean inbound = "inbound".equals(role);
        RowInsert.into("agents")
                .set("org_id", org.id()).set("name", name).set("description", inbound ? "Answers every call, books and moves appointments." : "Calls patients the day before their appointment.")
                .set("status", "active").set("call_role", role).set("language", "en-GB")
                .set("voice_provider", r.pick(List.of("elevenlabs", "azure", "cartesia"))).set("voice_id", org.agentName().toLowerCase(Locale.ROOT) + "-uk-warm")
                .set("voice_speed", new java.math.BigDecimal("1.05")).set("voice_stability", new java.math.BigDecimal("0.6"))
                .set("model_provider", "openai").set("model_name", "gpt-4o-mini").set("temperature", new java.math.BigDecimal("0.4")).set("max_tokens", 300)
                .set("system_prompt", "You are " + org.agentName() + ", the friendly receptionist of " + org.template().name()
                        + ". Book, move and cancel appointments, answer questions from the knowledge base, and hand over to a person when the caller is upset or in danger.")
                .set("first_message", inbound ? "Thank you for calling " + org.template().name() + ", this is " + org.agentName() + ". How can I help?" : "Hello, this is " + org.agentName() + " calling from " + org.template().name() + ".")
                .set("first_message_mode", inbound ? "assistant-speaks-first" : "assistant-waits-for-user")
                .set("end_call_message", "Thank you for calling. Goodbye!").set("voicemail_message", "Sorry we missed you. Please call us back at " + org.phone() + ".")
                .set("transcriber_provider", "deepgram").set("transcriber_model", "nova-2").set("transcriber_language", "en-GB")
                .set("phone_number", org.phone()).set("vapi_assistant_id", "asst_" + r.uuid().toString().replace("-", "").substring(0, 20))
                .set("transfer_number", "+4420794699" + String.format("%02d", org.index())).set("transfer_message", "Let me put you through to a member of the team.")
                .set("max_call_duration_seconds", 900).set("silence_timeout_seconds", 30).set("response_delay_ms", 400).set("interruption_threshold_words", 2)
                .set("background_sound", "office").set("recording_enabled", true).set("hipaa_enabled", !"home_services".equals(org.template().industry()))
                .set("business_hours", "{\"mon-fri\": [\"08:00\", \"19:00\"], \"sat\": [\"09:00\", \"13:00\"]}", "jsonb")
                .set("timezone", "Europe/London").set("after_hours_behavior", inbound ? "take-message" : "hang-up")
                .set("knowledge_base_id", knowledgeBase).set("tools", "[\"calendar_booking\", \"sms_confirmation\"]", "jsonb")
                .set("structured_data_schema", "{\"type\": \"object\", \"properties\": {\"service\": {\"type\": \"string\"}}}", "jsonb")
                .set("success_evaluation_prompt", "Did the caller get what they called for?")
                .set("metadata", "{\"created_from\": \"demo\"}", "jsonb").execute(h);
    }

    private UUID credential(Handle h, UUID orgId, String provider, String label, UUID createdBy, DemoRandom r) {
        String secret = "demo_" + provider + "_" + r.uuid().toString().replace("-", "");
        UUID id = r.uuid();
        // The platform holds its credentials' key, not the console (which never decrypts a secret);
        // the demo platform's is derived from the seed. pgcrypto is called where it is installed.
        String crypto = h.createQuery(com.voxanne.ops.db.SchemaMigrator.PGCRYPTO_SCHEMA).mapTo(String.class).one();
        h.createUpdate("insert into public.org_credentials (id, org_id, provider, label, secret_ciphertext, secret_hint, key_version, created_by)"
                        + " select :id, :org, :provider, :label, " + crypto + ".pgp_sym_encrypt(:secret, :key, 'cipher-algo=aes256'), :hint, 1, :by")
                .bind("key", options.credentialKey())
                .bind("id", id).bind("org", orgId).bind("provider", provider).bind("label", label)
                .bind("hint", "…" + secret.substring(secret.length() - 4)).bind("by", createdBy).bind("secret", secret).execute();
        return id;
    }

    private void onboarding(Handle h, UUID orgId, int i, Instant windowEnd) {
        DemoRandom r = DemoRandom.of(options.seed(), CONFIG, 2, i);
        String first = r.pick(catalog.firstNames());
        String last = r.pick(catalog.lastNames());
        RowInsert.into("onboarding_submissions").set("org_id", orgId)
                .set("email", (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT) + "@company" + i + ".example")
                .set("phone", "+4477009002" + String.format("%02d", i % 100)).set("name", first + " " + last)
                .set("company", last + " " + r.pick(List.of("Dental", "Physio", "Vets", "Clinic", "Legal")))
                .set("message", r.pick(List.of("We miss a lot of calls at lunchtime.", "Can your agent book into Dentally?", "Interested in the enterprise plan.")))
                .set("source", r.pick(List.of("pricing-page", "demo-request", "webinar"))).set("ip_address", "192.0.2." + r.between(1, 254))
                .set("created_at", utc(windowEnd.minus(Duration.ofDays(r.between(1, 60))))).execute(h);
    }

    private static String priceList(DemoOrg org) {
        StringJoiner j = new StringJoiner(" ");
        for (var s : org.services()) {
            j.add(Character.toUpperCase(s.name().charAt(0)) + s.name().substring(1) + ": "
                    + (s.pricePence() == 0 ? "free." : String.format(Locale.UK, "£%d.", s.pricePence() / 100)));
        }
        return j.toString();
    }

    private static String embedding(DemoRandom r) {
        StringJoiner j = new StringJoiner(",", "{", "}");
        for (int i = 0; i < 8; i++) {
            j.add(String.format(Locale.ROOT, "%.4f", r.between(-1.0, 1.0)));
        }
        return j.toString();
    }

    private static String displayName(String provider) {
        return INTEGRATION_SETTINGS.stream().filter(s -> s[0].equals(provider)).map(s -> s[1]).findFirst().orElse(provider);
    }
}
