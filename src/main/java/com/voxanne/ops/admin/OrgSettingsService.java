package com.voxanne.ops.admin;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The organization's own settings as admins see them: its record, its tools and feature switches
 * (which admins change, optimistically), and which credentials are configured (never a secret: the
 * ciphertext is granted to no console role). Blocking.
 */
public class OrgSettingsService {

    /** A platform feature and this organization's override of it (null fields when there is none). */
    public record FeatureSwitch(UUID flagId, String name, String description, boolean platformDefault, Integer rolloutPercentage,
                                UUID overrideId, Boolean enabled, String notes, Instant updatedAt) {
        public boolean effective() {
            return enabled != null ? enabled : platformDefault;
        }
    }

    public record CredentialStatus(String provider, String label, String secretHint, Instant lastRotated, Instant expiresAt,
                                   Instant lastUsedAt) {
    }

    public record OrganizationInfo(String name, String email, String phone, String website, String plan, Integer walletBalancePence,
                                   String telephonyMode, Instant createdAt, String twilioSubaccounts) {
    }

    private static final String TOOL_COLUMNS = "id, tool_name, enabled, config::text as config, updated_at";
    /** What an override needs: the link to the platform's flag, its switch, and the org_id and updated_at its policies and optimistic writes use. */
    static final List<String> OVERRIDE = List.of("id", "org_id", "feature_flag_id", "enabled", "updated_at");

    private final Jdbi jdbi;
    private final PlatformColumns columns;
    /** The platform's features with this organization's overrides, through the columns org_feature_flags has. */
    private final String switches;
    private final Optional<String> featuresReadOnlyBecause;

    public OrgSettingsService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
        this.featuresReadOnlyBecause = columns.whyNot("Features cannot be switched here", "org_feature_flags", OVERRIDE);
        if (featuresReadOnlyBecause.isEmpty()) {
            this.switches = """
                    select f.id as flag_id, f.name, f.description, f.enabled as platform_default, f.rollout_percentage,
                           o.id as override_id, o.enabled, %s as notes, o.updated_at
                    from public.feature_flags f left join public.org_feature_flags o on o.feature_flag_id = f.id"""
                    .formatted(columns.has("org_feature_flags", "notes") ? "o.notes" : "null::text");
        } else {
            // No overrides to read: the platform's defaults alone.
            this.switches = """
                    select f.id as flag_id, f.name, f.description, f.enabled as platform_default, f.rollout_percentage,
                           null::uuid as override_id, null::boolean as enabled, null::text as notes, null::timestamptz as updated_at
                    from public.feature_flags f""";
        }
    }

    /** Why this organization's features cannot be switched from the console here, or empty when they can. */
    public Optional<String> featuresReadOnlyBecause() {
        return featuresReadOnlyBecause;
    }

    public List<ToolSetting> tools() {
        return jdbi.withHandle(h -> h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools order by tool_name")
                .map(ConstructorMapper.of(ToolSetting.class)).list());
    }

    public SaveResult<ToolSetting> setToolEnabled(ToolSetting base, boolean enabled) {
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("update public.org_tools set enabled = :on where id = :id and updated_at = :seen")
                        .bind("on", enabled).bind("id", base.id()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools where id = :id").bind("id", base.id())
                        .map(ConstructorMapper.of(ToolSetting.class)).findOne(), ToolSetting::updatedAt, base.updatedAt());
    }

    public List<FeatureSwitch> features() {
        return jdbi.withHandle(h -> h.createQuery(switches + " order by f.name").map(ConstructorMapper.of(FeatureSwitch.class)).list());
    }

    /**
     * Turns a feature on or off for this organization: changes its override (stating the version
     * seen) or, when it has none, adds one. A second admin who added one meanwhile wins; this one is told.
     */
    public SaveResult<FeatureSwitch> setFeature(FeatureSwitch base, boolean enabled, String notes) {
        featuresReadOnlyBecause.ifPresent(why -> {
            throw new UserFacingException(why);
        });
        boolean withNotes = columns.has("org_feature_flags", "notes");
        if (base.overrideId() == null) {
            try {
                return jdbi.inTransaction(h -> {
                    // A platform's table need not have a unique key on (org_id, feature_flag_id), so no ON CONFLICT: two
                    // admins adding the same override wait for each other here, and the second finds the first's.
                    h.createQuery("select pg_advisory_xact_lock(hashtextextended(voxconsole.current_org_id()::text || :flag, 0))")
                            .bind("flag", base.flagId().toString()).mapTo(String.class).one();
                    int added = h.createUpdate("""
                                    insert into public.org_feature_flags (org_id, feature_flag_id, enabled%s)
                                    select voxconsole.current_org_id(), :flag, :on%s
                                    where not exists (select 1 from public.org_feature_flags o
                                                      where o.org_id = voxconsole.current_org_id() and o.feature_flag_id = :flag)"""
                                    .formatted(withNotes ? ", notes" : "", withNotes ? ", :notes" : ""))
                            .bind("flag", base.flagId()).bind("on", enabled).bind("notes", notes).execute();
                    FeatureSwitch now = feature(h, base.flagId()).orElseThrow();
                    return added == 1 ? new SaveResult.Saved<>(now) : new SaveResult.Conflict<>(now);
                });
            } catch (RuntimeException e) {
                throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
            }
        }
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("""
                        update public.org_feature_flags set enabled = :on%s where id = :id and updated_at = :seen"""
                        .formatted(withNotes ? ", notes = :notes" : ""))
                        .bind("on", enabled).bind("notes", notes).bind("id", base.overrideId())
                        .bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> feature(h, base.flagId()), f -> f.updatedAt(), base.updatedAt());
    }

    /** Removes the organization's override: the platform's default applies again. */
    public SaveResult<FeatureSwitch> usePlatformDefault(FeatureSwitch base) {
        if (base.overrideId() == null) {
            return new SaveResult.Saved<>(base);
        }
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("delete from public.org_feature_flags where id = :id and updated_at = :seen")
                        .bind("id", base.overrideId()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> feature(h, base.flagId()).filter(f -> f.overrideId() != null), f -> f.updatedAt(), base.updatedAt());
    }

    private Optional<FeatureSwitch> feature(Handle h, UUID flag) {
        return h.createQuery(switches + " where f.id = :flag").bind("flag", flag).map(ConstructorMapper.of(FeatureSwitch.class)).findOne();
    }

    /** Configured credentials: provider, label, the last characters, when rotated, through the columns granted. Admins only. */
    public List<CredentialStatus> credentials() {
        if (!columns.has("org_credentials", "id")) {
            return List.of();
        }
        var c = columns.select("org_credentials", "c").text("provider").text("label").text("secret_hint")
                .renamed("updated_at", "timestamptz", "last_rotated").typed("expires_at", "timestamptz").typed("last_used_at", "timestamptz");
        return jdbi.withHandle(h -> h.createQuery("select " + c + " from public.org_credentials c order by "
                        + c.orderable("provider", "1") + ", " + c.orderable("label", "c.id"))
                .map(ConstructorMapper.of(CredentialStatus.class)).list());
    }

    public Optional<OrganizationInfo> organization(UUID org) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select name, email, phone, website, plan, wallet_balance_pence, telephony_mode, created_at, %s as twilio_subaccounts
                        from public.organizations where id = :org""".formatted(subaccounts()))
                .bind("org", org).map(ConstructorMapper.of(OrganizationInfo.class)).findOne());
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
}
