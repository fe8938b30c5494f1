package com.voxanne.ops.reference;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Read access to the organization's reference configuration: what the console caches locally
 * (agents, services, knowledge base, integrations, flags, tools, rules). Rows are nested records
 * because they only ever travel together with this DAO. jsonb columns arrive as their text.
 */
@RegisterConstructorMapper(ReferenceDao.FeatureFlag.class)
@RegisterConstructorMapper(ReferenceDao.OrgFeatureFlag.class)
@RegisterConstructorMapper(ReferenceDao.OrgTool.class)
@RegisterConstructorMapper(ReferenceDao.Agent.class)
@RegisterConstructorMapper(ReferenceDao.Service.class)
@RegisterConstructorMapper(ReferenceDao.KnowledgeArticle.class)
@RegisterConstructorMapper(ReferenceDao.KnowledgeChunk.class)
@RegisterConstructorMapper(ReferenceDao.KnowledgeChange.class)
@RegisterConstructorMapper(ReferenceDao.Integration.class)
@RegisterConstructorMapper(ReferenceDao.IntegrationSetting.class)
@RegisterConstructorMapper(ReferenceDao.Credential.class)
@RegisterConstructorMapper(ReferenceDao.CarrierForwardingRule.class)
@RegisterConstructorMapper(ReferenceDao.EscalationRule.class)
@RegisterConstructorMapper(ReferenceDao.TwilioSubaccount.class)
public interface ReferenceDao {

    record FeatureFlag(UUID id, String name, String description, boolean enabled, Integer rolloutPercentage, Instant createdAt) {
    }

    record OrgFeatureFlag(UUID id, UUID orgId, UUID featureFlagId, String flagName, boolean enabled, String config, String notes,
                          Instant updatedAt) {
    }

    record OrgTool(UUID id, UUID orgId, String toolName, boolean enabled, String config, Instant createdAt, Instant updatedAt) {
    }

    /** The columns of agents a supervisor reads; prompts and tuning stay in the platform's own editor. */
    record Agent(UUID id, String name, String description, String status, String callRole, String language, String voiceProvider,
                 String voiceId, String modelProvider, String modelName, String phoneNumber, String transferNumber, String timezone,
                 String afterHoursBehavior, String businessHours, boolean recordingEnabled, Instant updatedAt) {
    }

    record Service(UUID id, String name, String description, int durationMinutes, Integer pricePence, boolean active) {
    }

    record KnowledgeArticle(UUID id, String title, String category, String content, String contentType, String status, int version,
                            Instant updatedAt) {
    }

    record KnowledgeChunk(UUID id, UUID knowledgeBaseId, int chunkIndex, String content, Integer tokenCount) {
    }

    record KnowledgeChange(UUID id, UUID knowledgeBaseId, int version, String changeType, String changeSummary, Instant createdAt) {
    }

    record Integration(UUID id, String provider, String displayName, String status, Instant lastSyncedAt, String errorMessage) {
    }

    record IntegrationSetting(String provider, String displayName, boolean enabled, String docsUrl) {
    }

    /** A stored secret's metadata. The ciphertext is not granted to any console role, so it is not here either. */
    record Credential(UUID id, String provider, String label, String secretHint, Instant expiresAt, Instant lastUsedAt) {
    }

    record CarrierForwardingRule(UUID id, String countryCode, String carrierName, String forwardingType, String activationCode,
                                 String deactivationCode, String destinationNumber) {
    }

    record EscalationRule(UUID id, String name, boolean enabled, String triggerType, BigDecimal threshold, String action, String target,
                          Instant updatedAt) {
    }

    record TwilioSubaccount(UUID id, String accountSid, String friendlyName, String status) {
    }

    @SqlQuery("select id, name, description, enabled, rollout_percentage, created_at from public.feature_flags order by name")
    List<FeatureFlag> featureFlags();

    @SqlQuery("""
            select o.id, o.org_id, o.feature_flag_id, f.name as flag_name, o.enabled, o.config::text as config, o.notes, o.updated_at
            from public.org_feature_flags o join public.feature_flags f on f.id = o.feature_flag_id
            order by f.name""")
    List<OrgFeatureFlag> orgFeatureFlags();

    @SqlQuery("select id, org_id, tool_name, enabled, config::text as config, created_at, updated_at from public.org_tools order by tool_name")
    List<OrgTool> orgTools();

    @SqlQuery("""
            select id, name, description, status, call_role, language, voice_provider, voice_id, model_provider, model_name,
                   phone_number, transfer_number, timezone, after_hours_behavior, business_hours::text as business_hours,
                   recording_enabled, updated_at
            from public.agents order by name""")
    List<Agent> agents();

    @SqlQuery("select id, name, description, duration_minutes, price_pence, active from public.services order by name")
    List<Service> services();

    @SqlQuery("select id, title, category, content, content_type, status, version, updated_at from public.knowledge_base order by title")
    List<KnowledgeArticle> knowledgeBase();

    @SqlQuery("""
            select id, knowledge_base_id, chunk_index, content, token_count from public.knowledge_base_chunks
            where knowledge_base_id = :article order by chunk_index""")
    List<KnowledgeChunk> chunks(@Bind("article") UUID article);

    @SqlQuery("""
            select id, knowledge_base_id, version, change_type, change_summary, created_at from public.knowledge_base_changelog
            where knowledge_base_id = :article order by version, created_at""")
    List<KnowledgeChange> changelog(@Bind("article") UUID article);

    @SqlQuery("select id, provider, display_name, status, last_synced_at, error_message from public.integrations order by display_name")
    List<Integration> integrations();

    @SqlQuery("select provider, display_name, enabled, docs_url from public.integration_settings order by display_name")
    List<IntegrationSetting> integrationSettings();

    /** Admins only; others get a permission error from the database. */
    @SqlQuery("select id, provider, label, secret_hint, expires_at, last_used_at from public.org_credentials order by provider, label")
    List<Credential> credentials();

    @SqlQuery("""
            select id, country_code, carrier_name, forwarding_type, activation_code, deactivation_code, destination_number
            from public.carrier_forwarding_rules order by country_code, forwarding_type""")
    List<CarrierForwardingRule> carrierForwardingRules();

    @SqlQuery("select id, name, enabled, trigger_type, threshold, action, target, updated_at from public.escalation_rules order by name")
    List<EscalationRule> escalationRules();

    /** Admins only. */
    @SqlQuery("select id, account_sid, friendly_name, status from public.twilio_subaccounts order by friendly_name")
    List<TwilioSubaccount> twilioSubaccounts();
}
