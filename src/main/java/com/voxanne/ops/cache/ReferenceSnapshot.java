package com.voxanne.ops.cache;

import com.voxanne.ops.profiles.ConsoleSession;
import com.voxanne.ops.reference.ReferenceDao;
import java.time.Instant;
import java.util.List;

/**
 * The organization's reference configuration as last fetched: what the console shows at once on
 * start and offline. {@code version} is the server's change marker for these tables; {@code owner}
 * says whose it is (server, organization, login), so one person's cache is never read as another's;
 * {@code session} is who they were signed in as, for the header of an offline start.
 */
public record ReferenceSnapshot(
        int format,
        String appVersion,
        String owner,
        ConsoleSession session,
        String version,
        Instant fetchedAt,
        Instant checkedAt,
        List<ReferenceDao.Agent> agents,
        List<ReferenceDao.Service> services,
        List<ReferenceDao.FeatureFlag> featureFlags,
        List<ReferenceDao.OrgFeatureFlag> orgFeatureFlags,
        List<ReferenceDao.OrgTool> orgTools,
        List<ReferenceDao.EscalationRule> escalationRules,
        List<ReferenceDao.CarrierForwardingRule> carrierForwardingRules,
        List<ReferenceDao.Integration> integrations,
        List<String> knowledgeBaseTitles) {

    public static final int FORMAT = 2;

    public ReferenceSnapshot checked(Instant at) {
        return new ReferenceSnapshot(format, appVersion, owner, session, version, fetchedAt, at, agents, services, featureFlags, orgFeatureFlags, orgTools,
                escalationRules, carrierForwardingRules, integrations, knowledgeBaseTitles);
    }
}
