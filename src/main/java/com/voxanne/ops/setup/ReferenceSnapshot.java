package com.voxanne.ops.setup;

import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.records.ConsoleSession;
import java.time.Instant;
import java.util.List;

/**
 * The organization's reference configuration as last fetched: what the console shows at once on
 * start and offline. {@code version} is the server's change marker for these tables; {@code owner}
 * says whose it is (server, organization, login), so one person's cache is never read as another's;
 * {@code session} is who they were signed in as, for the header of an offline start; {@code columns}
 * is what the platform's tables had, so an offline start shows the same fields as the last online one.
 */
public record ReferenceSnapshot(
        int format,
        String appVersion,
        String owner,
        ConsoleSession session,
        String version,
        Instant fetchedAt,
        Instant checkedAt,
        PlatformColumns columns,
        List<ReferenceDao.Agent> agents,
        List<ReferenceDao.Service> services,
        List<ReferenceDao.FeatureFlag> featureFlags,
        List<ReferenceDao.OrgFeatureFlag> orgFeatureFlags,
        List<ReferenceDao.OrgTool> orgTools,
        List<ReferenceDao.EscalationRule> escalationRules,
        List<ReferenceDao.CarrierForwardingRule> carrierForwardingRules,
        List<ReferenceDao.Integration> integrations,
        List<String> knowledgeBaseTitles) {

    public static final int FORMAT = 3;

    public ReferenceSnapshot checked(Instant at) {
        return new ReferenceSnapshot(format, appVersion, owner, session, version, fetchedAt, at, columns, agents, services, featureFlags, orgFeatureFlags, orgTools,
                escalationRules, carrierForwardingRules, integrations, knowledgeBaseTitles);
    }
}
