package com.voxanne.ops.admin;

import com.voxanne.ops.admin.OrgSettingsService.CredentialStatus;
import com.voxanne.ops.admin.OrgSettingsService.FeatureSwitch;
import com.voxanne.ops.admin.OrgSettingsService.OrganizationInfo;
import com.voxanne.ops.catalog.PlatformColumns;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The SQL of the admin workspace's settings: org_tools, the feature switches (the platform's
 * feature_flags with this organization's org_feature_flags), credentials and the organization's
 * record. Configuration tables have the columns each platform chose, so every statement is written
 * against those the catalog found ({@link PlatformColumns}). On one handle: the service chooses the
 * transaction. Row-level security narrows everything to the signed-in organization.
 */
final class OrgSettingsDao {

    private static final String TOOL_COLUMNS = "id, tool_name, enabled, config::text as config, updated_at";

    private final Handle h;
    private final PlatformColumns columns;
    private final boolean overrides;
    private final boolean withNotes;

    /** @param overrides whether org_feature_flags has every column an override needs ({@link OrgSettingsService#OVERRIDE}) */
    OrgSettingsDao(Handle h, PlatformColumns columns, boolean overrides) {
        this.h = h;
        this.columns = columns;
        this.overrides = overrides;
        this.withNotes = columns.has("org_feature_flags", "notes");
    }

    List<ToolSetting> tools() {
        return h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools order by tool_name").map(ConstructorMapper.of(ToolSetting.class)).list();
    }

    Optional<ToolSetting> tool(UUID id) {
        return h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools where id = :id").bind("id", id)
                .map(ConstructorMapper.of(ToolSetting.class)).findOne();
    }

    /** @return 1 if switched, 0 if the row changed since {@code seen} or is not the caller's to change */
    int switchTool(UUID id, boolean on, Instant seen) {
        return h.createUpdate("update public.org_tools set enabled = :on where id = :id and updated_at = :seen")
                .bind("on", on).bind("id", id).bind("seen", utc(seen)).execute();
    }

    List<FeatureSwitch> features() {
        return h.createQuery(switches() + " order by f.name").map(ConstructorMapper.of(FeatureSwitch.class)).list();
    }

    Optional<FeatureSwitch> feature(UUID flag) {
        return h.createQuery(switches() + " where f.id = :flag").bind("flag", flag).map(ConstructorMapper.of(FeatureSwitch.class)).findOne();
    }

    /**
     * Waits for any other admin adding an override of the same flag, until this transaction ends: a
     * platform's table need not have a unique key on (org_id, feature_flag_id), so ON CONFLICT cannot
     * keep two from being added.
     */
    void lockOverridesOf(UUID flag) {
        h.createQuery("select pg_advisory_xact_lock(hashtextextended(voxconsole.current_org_id()::text || :flag, 0))")
                .bind("flag", flag.toString()).mapTo(String.class).one();
    }

    /** @return 1 if added, 0 if the organization has an override of the flag already */
    int addOverride(UUID flag, boolean on, String notes) {
        var insert = h.createUpdate("""
                        insert into public.org_feature_flags (org_id, feature_flag_id, enabled%s)
                        select voxconsole.current_org_id(), :flag, :on%s
                        where not exists (select 1 from public.org_feature_flags o
                                          where o.org_id = voxconsole.current_org_id() and o.feature_flag_id = :flag)"""
                        .formatted(withNotes ? ", notes" : "", withNotes ? ", :notes" : ""))
                .bind("flag", flag).bind("on", on);
        return (withNotes ? insert.bind("notes", notes) : insert).execute();
    }

    /** @return 1 if changed, 0 if the override changed since {@code seen} or is not the caller's to change */
    int changeOverride(UUID id, boolean on, String notes, Instant seen) {
        var update = h.createUpdate("update public.org_feature_flags set enabled = :on%s where id = :id and updated_at = :seen"
                        .formatted(withNotes ? ", notes = :notes" : ""))
                .bind("on", on).bind("id", id).bind("seen", utc(seen));
        return (withNotes ? update.bind("notes", notes) : update).execute();
    }

    /** @return 1 if removed, 0 if the override changed since {@code seen} or is not the caller's to remove */
    int removeOverride(UUID id, Instant seen) {
        return h.createUpdate("delete from public.org_feature_flags where id = :id and updated_at = :seen")
                .bind("id", id).bind("seen", utc(seen)).execute();
    }

    /** Configured credentials through the columns granted: provider, label, the last characters, when rotated. Admins only. */
    List<CredentialStatus> credentials() {
        if (!columns.has("org_credentials", "id")) {
            return List.of();
        }
        var c = columns.select("org_credentials", "c").text("provider").text("label").text("secret_hint")
                .renamed("updated_at", "timestamptz", "last_rotated").typed("expires_at", "timestamptz").typed("last_used_at", "timestamptz");
        return h.createQuery("select " + c + " from public.org_credentials c order by "
                        + c.orderable("provider", "1") + ", " + c.orderable("label", "c.id"))
                .map(ConstructorMapper.of(CredentialStatus.class)).list();
    }

    Optional<OrganizationInfo> organization(UUID org) {
        return h.createQuery("""
                        select name, email, phone, website, plan, wallet_balance_pence, telephony_mode, created_at, %s as twilio_subaccounts
                        from public.organizations where id = :org""".formatted(subaccounts()))
                .bind("org", org).map(ConstructorMapper.of(OrganizationInfo.class)).findOne();
    }

    /** The platform's features with this organization's overrides, through the columns org_feature_flags has. */
    private String switches() {
        if (!overrides) {
            // No overrides to read: the platform's defaults alone.
            return """
                    select f.id as flag_id, f.name, f.description, f.enabled as platform_default, f.rollout_percentage,
                           null::uuid as override_id, null::boolean as enabled, null::text as notes, null::timestamptz as updated_at
                    from public.feature_flags f""";
        }
        return """
                select f.id as flag_id, f.name, f.description, f.enabled as platform_default, f.rollout_percentage,
                       o.id as override_id, o.enabled, %s as notes, o.updated_at
                from public.feature_flags f left join public.org_feature_flags o on o.feature_flag_id = f.id"""
                .formatted(withNotes ? "o.notes" : "null::text");
    }

    /** The organization's Twilio subaccounts in one line, from whichever of their name, status and SID the platform keeps. */
    private String subaccounts() {
        String t = "twilio_subaccounts";
        if (!columns.has(t, "id")) {
            return "null::text";
        }
        String name = columns.has(t, "friendly_name") ? "s.friendly_name" : columns.has(t, "account_sid") ? "s.account_sid" : "s.id::text";
        String line = columns.has(t, "status") ? "coalesce(" + name + ", '') || ' (' || coalesce(s.status, '') || ')'" : name;
        return "(select string_agg(" + line + ", ', ' order by " + name + ") from public.twilio_subaccounts s)";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
