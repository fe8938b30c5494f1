package com.voxanne.ops.setup;

import com.voxanne.ops.catalog.PlatformColumns;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * Read access to the organization's reference configuration: what the console caches locally
 * (agents, services, knowledge base, integrations, flags, tools, rules). These are configuration
 * tables whose columns each platform chose itself, so every query is written against the columns
 * the catalog found ({@link PlatformColumns}): a missing column reads as null, a missing table as
 * no rows. Rows are nested records because they only ever travel together with this DAO. jsonb
 * columns arrive as their text. On one handle: the caller chooses the transaction.
 */
public final class ReferenceDao {

    private final Handle h;
    private final PlatformColumns columns;

    public ReferenceDao(Handle h, PlatformColumns columns) {
        this.h = h;
        this.columns = columns;
    }


    /**
     * One query for the change marker: each table's newest change (updated_at, else created_at, where
     * the platform has one) and row count; a table the platform does not have counts as empty.
     */
    String changeMarker(List<String> tables) {
        List<String> parts = new java.util.ArrayList<>();
        for (String table : tables) {
            if (!columns.hasTable(table)) {
                parts.add("'-'");
                continue;
            }
            String changed = columns.has(table, "updated_at") ? "max(updated_at)::text" : columns.has(table, "created_at") ? "max(created_at)::text" : "''";
            parts.add("(select " + changed + " || '/' || count(*) from public." + table + ")");
        }
        return h.createQuery("select concat_ws('|', " + String.join(", ", parts) + ")").mapTo(String.class).one();
    }

    public record FeatureFlag(UUID id, String name, String description, Boolean enabled, Integer rolloutPercentage, Instant createdAt) {
    }

    public record OrgFeatureFlag(UUID id, UUID orgId, UUID featureFlagId, String flagName, Boolean enabled, String config, String notes,
                          Instant updatedAt) {
    }

    public record OrgTool(UUID id, UUID orgId, String toolName, Boolean enabled, String config, Instant createdAt, Instant updatedAt) {
    }

    /** The columns of agents a supervisor reads; prompts and tuning stay in the platform's own editor. */
    public record Agent(UUID id, String name, String description, String status, String callRole, String language, String voiceProvider,
                 String voiceId, String modelProvider, String modelName, String phoneNumber, String transferNumber, String timezone,
                 String afterHoursBehavior, String businessHours, Boolean recordingEnabled, Instant updatedAt) {
    }

    public record Service(UUID id, String name, String description, Integer durationMinutes, Integer pricePence, Boolean active) {
    }

    public record KnowledgeArticle(UUID id, String title, String category, String content, String contentType, String status, Integer version,
                            Instant updatedAt) {
    }

    public record KnowledgeChunk(UUID id, UUID knowledgeBaseId, Integer chunkIndex, String content, Integer tokenCount) {
    }

    public record KnowledgeChange(UUID id, UUID knowledgeBaseId, Integer version, String changeType, String changeSummary, Instant createdAt) {
    }

    public record Integration(UUID id, String provider, String displayName, String status, Instant lastSyncedAt, String errorMessage) {
    }

    public record IntegrationSetting(String provider, String displayName, Boolean enabled, String docsUrl) {
    }

    /** A stored secret's metadata. The ciphertext is not granted to any console role, so it is not here either. */
    public record Credential(UUID id, String provider, String label, String secretHint, Instant expiresAt, Instant lastUsedAt) {
    }

    public record CarrierForwardingRule(UUID id, String countryCode, String carrierName, String forwardingType, String activationCode,
                                 String deactivationCode, String destinationNumber) {
    }

    public record EscalationRule(UUID id, String name, Boolean enabled, String triggerType, BigDecimal threshold, String action, String target,
                          Instant updatedAt) {
    }

    public record TwilioSubaccount(UUID id, String accountSid, String friendlyName, String status) {
    }


    public List<FeatureFlag> featureFlags() {
        var s = columns.select("feature_flags", "f").typed("id", "uuid").text("name").text("description").typed("enabled", "boolean")
                .typed("rollout_percentage", "integer").typed("created_at", "timestamptz");
        return list("feature_flags", "select " + s + " from public.feature_flags f order by " + s.orderable("name", "f.id"), FeatureFlag.class);
    }

    /** Needs the link to the platform's flag (feature_flag_id) to name an override; without it there are none to show. */
    public List<OrgFeatureFlag> orgFeatureFlags() {
        if (!columns.has("org_feature_flags", "feature_flag_id") || !columns.has("feature_flags", "name")) {
            return List.of();
        }
        var s = columns.select("org_feature_flags", "o").typed("id", "uuid").typed("org_id", "uuid").typed("feature_flag_id", "uuid")
                .raw("f.name as flag_name").typed("enabled", "boolean").asText("config").text("notes").typed("updated_at", "timestamptz");
        return list("org_feature_flags", "select " + s + " from public.org_feature_flags o join public.feature_flags f on f.id = o.feature_flag_id"
                + " order by f.name", OrgFeatureFlag.class);
    }

    public List<OrgTool> orgTools() {
        var s = columns.select("org_tools", "t").typed("id", "uuid").typed("org_id", "uuid").text("tool_name").typed("enabled", "boolean")
                .asText("config").typed("created_at", "timestamptz").typed("updated_at", "timestamptz");
        return list("org_tools", "select " + s + " from public.org_tools t order by " + s.orderable("tool_name", "t.id"), OrgTool.class);
    }

    public List<Agent> agents() {
        var s = columns.select("agents", "a").typed("id", "uuid").text("name").text("description").text("status").text("call_role")
                .text("language").text("voice_provider").text("voice_id").text("model_provider").text("model_name").text("phone_number")
                .text("transfer_number").text("timezone").text("after_hours_behavior").asText("business_hours")
                .typed("recording_enabled", "boolean").typed("updated_at", "timestamptz");
        return list("agents", "select " + s + " from public.agents a order by " + s.orderable("name", "a.id"), Agent.class);
    }

    public List<Service> services() {
        var s = columns.select("services", "v").typed("id", "uuid").text("name").text("description").typed("duration_minutes", "integer")
                .typed("price_pence", "integer").typed("active", "boolean");
        return list("services", "select " + s + " from public.services v order by " + s.orderable("name", "v.id"), Service.class);
    }

    public List<KnowledgeArticle> knowledgeBase() {
        var s = columns.select("knowledge_base", "k").typed("id", "uuid").text("title").text("category").text("content").text("content_type")
                .text("status").typed("version", "integer").typed("updated_at", "timestamptz");
        return list("knowledge_base", "select " + s + " from public.knowledge_base k order by " + s.orderable("title", "k.id"),
                KnowledgeArticle.class);
    }

    public List<KnowledgeChunk> chunks(UUID article) {
        if (!columns.has("knowledge_base_chunks", "knowledge_base_id")) {
            return List.of();
        }
        var s = columns.select("knowledge_base_chunks", "c").typed("id", "uuid").typed("knowledge_base_id", "uuid")
                .typed("chunk_index", "integer").text("content").typed("token_count", "integer");
        return h.createQuery("select " + s + " from public.knowledge_base_chunks c where c.knowledge_base_id = :article order by "
                        + s.orderable("chunk_index", "c.id")).bind("article", article).map(ConstructorMapper.of(KnowledgeChunk.class)).list();
    }

    public List<KnowledgeChange> changelog(UUID article) {
        if (!columns.has("knowledge_base_changelog", "knowledge_base_id")) {
            return List.of();
        }
        var s = columns.select("knowledge_base_changelog", "c").typed("id", "uuid").typed("knowledge_base_id", "uuid").typed("version", "integer")
                .text("change_type").text("change_summary").typed("created_at", "timestamptz");
        return h.createQuery("select " + s + " from public.knowledge_base_changelog c where c.knowledge_base_id = :article order by "
                        + s.orderable("version", "0") + ", " + s.orderable("created_at", "c.id"))
                .bind("article", article).map(ConstructorMapper.of(KnowledgeChange.class)).list();
    }

    public List<Integration> integrations() {
        var s = columns.select("integrations", "i").typed("id", "uuid").text("provider").text("display_name").text("status")
                .typed("last_synced_at", "timestamptz").text("error_message");
        return list("integrations", "select " + s + " from public.integrations i order by " + s.orderable("display_name", "i.id"),
                Integration.class);
    }

    public List<IntegrationSetting> integrationSettings() {
        var s = columns.select("integration_settings", "i").text("provider").text("display_name").typed("enabled", "boolean").text("docs_url");
        return list("integration_settings", "select " + s + " from public.integration_settings i order by "
                + s.orderable("display_name", s.orderable("provider", "1")), IntegrationSetting.class);
    }

    /** Admins only: other logins' catalogs do not list the table, so they get no rows (asked anyway, the database refuses). Only granted columns, never the secret. */
    public List<Credential> credentials() {
        var s = columns.select("org_credentials", "c").typed("id", "uuid").text("provider").text("label").text("secret_hint")
                .typed("expires_at", "timestamptz").typed("last_used_at", "timestamptz");
        return list("org_credentials", "select " + s + " from public.org_credentials c order by " + s.orderable("provider", "1") + ", "
                + s.orderable("label", "c.id"), Credential.class);
    }

    public List<CarrierForwardingRule> carrierForwardingRules() {
        var s = columns.select("carrier_forwarding_rules", "r").typed("id", "uuid").text("country_code").text("carrier_name")
                .text("forwarding_type").text("activation_code").text("deactivation_code").text("destination_number");
        return list("carrier_forwarding_rules", "select " + s + " from public.carrier_forwarding_rules r order by "
                + s.orderable("country_code", "1") + ", " + s.orderable("forwarding_type", "r.id"), CarrierForwardingRule.class);
    }

    public List<EscalationRule> escalationRules() {
        var s = columns.select("escalation_rules", "r").typed("id", "uuid").text("name").typed("enabled", "boolean").text("trigger_type")
                .typed("threshold", "numeric").text("action").text("target").typed("updated_at", "timestamptz");
        return list("escalation_rules", "select " + s + " from public.escalation_rules r order by " + s.orderable("name", "r.id"),
                EscalationRule.class);
    }

    /** Admins only. */
    public List<TwilioSubaccount> twilioSubaccounts() {
        var s = columns.select("twilio_subaccounts", "t").typed("id", "uuid").text("account_sid").text("friendly_name").text("status");
        return list("twilio_subaccounts", "select " + s + " from public.twilio_subaccounts t order by " + s.orderable("friendly_name", "t.id"),
                TwilioSubaccount.class);
    }

    /** No rows when the table is not there, or has no id to tell its rows apart. */
    private <T> List<T> list(String table, String sql, Class<T> type) {
        boolean readable = "integration_settings".equals(table) ? columns.hasTable(table) : columns.has(table, "id");
        return readable ? h.createQuery(sql).map(ConstructorMapper.of(type)).list() : List.of();
    }
}
