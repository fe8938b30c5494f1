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

    /** What an override needs: the link to the platform's flag, its switch, and the org_id and updated_at its policies and optimistic writes use. */
    static final List<String> OVERRIDE = List.of("id", "org_id", "feature_flag_id", "enabled", "updated_at");

    private final Jdbi jdbi;
    private final PlatformColumns columns;
    private final Optional<String> featuresReadOnlyBecause;

    public OrgSettingsService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
        this.featuresReadOnlyBecause = columns.whyNot("Features cannot be switched here", "org_feature_flags", OVERRIDE);
    }

    /** Why this organization's features cannot be switched from the console here, or empty when they can. */
    public Optional<String> featuresReadOnlyBecause() {
        return featuresReadOnlyBecause;
    }

    public List<ToolSetting> tools() {
        return jdbi.withHandle(h -> dao(h).tools());
    }

    public SaveResult<ToolSetting> setToolEnabled(ToolSetting base, boolean enabled) {
        return OptimisticWrite.run(jdbi, h -> dao(h).switchTool(base.id(), enabled, base.updatedAt()), h -> dao(h).tool(base.id()),
                ToolSetting::updatedAt, base.updatedAt());
    }

    public List<FeatureSwitch> features() {
        return jdbi.withHandle(h -> dao(h).features());
    }

    /**
     * Turns a feature on or off for this organization: changes its override (stating the version
     * seen) or, when it has none, adds one. A second admin who added one meanwhile wins; this one is told.
     */
    public SaveResult<FeatureSwitch> setFeature(FeatureSwitch base, boolean enabled, String notes) {
        featuresReadOnlyBecause.ifPresent(why -> {
            throw new UserFacingException(why);
        });
        if (base.overrideId() == null) {
            try {
                return jdbi.inTransaction(h -> {
                    OrgSettingsDao dao = dao(h);
                    // Two admins adding the same override wait for each other here, and the second finds the first's.
                    dao.lockOverridesOf(base.flagId());
                    int added = dao.addOverride(base.flagId(), enabled, notes);
                    FeatureSwitch now = dao.feature(base.flagId()).orElseThrow();
                    return added == 1 ? new SaveResult.Saved<>(now) : new SaveResult.Conflict<>(now);
                });
            } catch (RuntimeException e) {
                throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
            }
        }
        return OptimisticWrite.run(jdbi, h -> dao(h).changeOverride(base.overrideId(), enabled, notes, base.updatedAt()),
                h -> dao(h).feature(base.flagId()), FeatureSwitch::updatedAt, base.updatedAt());
    }

    /** Removes the organization's override: the platform's default applies again. */
    public SaveResult<FeatureSwitch> usePlatformDefault(FeatureSwitch base) {
        if (base.overrideId() == null) {
            return new SaveResult.Saved<>(base);
        }
        return OptimisticWrite.run(jdbi, h -> dao(h).removeOverride(base.overrideId(), base.updatedAt()),
                h -> dao(h).feature(base.flagId()).filter(f -> f.overrideId() != null), FeatureSwitch::updatedAt, base.updatedAt());
    }

    /** Configured credentials: provider, label, the last characters, when rotated, through the columns granted. Admins only. */
    public List<CredentialStatus> credentials() {
        return jdbi.withHandle(h -> dao(h).credentials());
    }

    public Optional<OrganizationInfo> organization(UUID org) {
        return jdbi.withHandle(h -> dao(h).organization(org));
    }

    private OrgSettingsDao dao(Handle h) {
        return new OrgSettingsDao(h, columns, featuresReadOnlyBecause.isEmpty());
    }
}
