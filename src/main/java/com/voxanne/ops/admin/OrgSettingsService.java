package com.voxanne.ops.admin;

import com.voxanne.ops.UserFacingException;
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

    public record OrgTool(UUID id, String toolName, boolean enabled, String config, Instant updatedAt) {
    }

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
    private static final String SWITCHES = """
            select f.id as flag_id, f.name, f.description, f.enabled as platform_default, f.rollout_percentage,
                   o.id as override_id, o.enabled, o.notes, o.updated_at
            from public.feature_flags f left join public.org_feature_flags o on o.feature_flag_id = f.id""";

    private final Jdbi jdbi;

    public OrgSettingsService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<OrgTool> tools() {
        return jdbi.withHandle(h -> h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools order by tool_name")
                .map(ConstructorMapper.of(OrgTool.class)).list());
    }

    public SaveResult<OrgTool> setToolEnabled(OrgTool base, boolean enabled) {
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("update public.org_tools set enabled = :on where id = :id and updated_at = :seen")
                        .bind("on", enabled).bind("id", base.id()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> h.createQuery("select " + TOOL_COLUMNS + " from public.org_tools where id = :id").bind("id", base.id())
                        .map(ConstructorMapper.of(OrgTool.class)).findOne(), OrgTool::updatedAt, base.updatedAt());
    }

    public List<FeatureSwitch> features() {
        return jdbi.withHandle(h -> h.createQuery(SWITCHES + " order by f.name").map(ConstructorMapper.of(FeatureSwitch.class)).list());
    }

    /**
     * Turns a feature on or off for this organization: changes its override (stating the version
     * seen) or, when it has none, adds one. A second admin who added one meanwhile wins; this one is told.
     */
    public SaveResult<FeatureSwitch> setFeature(FeatureSwitch base, boolean enabled, String notes) {
        if (base.overrideId() == null) {
            try {
                return jdbi.inTransaction(h -> {
                    int added = h.createUpdate("""
                                    insert into public.org_feature_flags (org_id, feature_flag_id, enabled, notes)
                                    values (voxconsole.current_org_id(), :flag, :on, :notes) on conflict (org_id, feature_flag_id) do nothing""")
                            .bind("flag", base.flagId()).bind("on", enabled).bind("notes", notes).execute();
                    FeatureSwitch now = feature(h, base.flagId()).orElseThrow();
                    return added == 1 ? new SaveResult.Saved<>(now) : new SaveResult.Conflict<>(now);
                });
            } catch (RuntimeException e) {
                throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
            }
        }
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("""
                        update public.org_feature_flags set enabled = :on, notes = :notes where id = :id and updated_at = :seen""")
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

    private static Optional<FeatureSwitch> feature(Handle h, UUID flag) {
        return h.createQuery(SWITCHES + " where f.id = :flag").bind("flag", flag).map(ConstructorMapper.of(FeatureSwitch.class)).findOne();
    }

    /** Configured credentials: provider, label, the last characters, when rotated. Admins only. */
    public List<CredentialStatus> credentials() {
        return jdbi.withHandle(h -> h.createQuery("""
                        select provider, label, secret_hint, updated_at as last_rotated, expires_at, last_used_at
                        from public.org_credentials order by provider, label""")
                .map(ConstructorMapper.of(CredentialStatus.class)).list());
    }

    public Optional<OrganizationInfo> organization(UUID org) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select name, email, phone, website, plan, wallet_balance_pence, telephony_mode, created_at,
                               (select string_agg(friendly_name || ' (' || status || ')', ', ' order by friendly_name)
                                  from public.twilio_subaccounts) as twilio_subaccounts
                        from public.organizations where id = :org""")
                .bind("org", org).map(ConstructorMapper.of(OrganizationInfo.class)).findOne());
    }
}
