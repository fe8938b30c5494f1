package com.voxanne.ops.cache;

import com.voxanne.ops.AppVersion;
import com.voxanne.ops.reference.ReferenceDao;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Refreshes the reference cache cheaply: one query asks the server for a change marker of the
 * reference tables (newest change and row count of each); only when it differs from the cached
 * marker are the rows pulled again. Blocking: run it in the background.
 */
public class ReferenceService {

    private static final String VERSION_SQL = """
            select concat_ws('|',
              (select max(updated_at) || '/' || count(*) from public.agents),
              (select max(created_at) || '/' || count(*) from public.services),
              (select max(created_at) || '/' || count(*) from public.feature_flags),
              (select max(updated_at) || '/' || count(*) from public.org_feature_flags),
              (select max(updated_at) || '/' || count(*) from public.org_tools),
              (select max(updated_at) || '/' || count(*) from public.escalation_rules),
              (select max(updated_at) || '/' || count(*) from public.carrier_forwarding_rules),
              (select max(updated_at) || '/' || count(*) from public.integrations),
              (select max(updated_at) || '/' || count(*) from public.knowledge_base))""";

    private final Jdbi jdbi;
    private final ReferenceCache cache;

    public ReferenceService(Jdbi jdbi, ReferenceCache cache) {
        this.jdbi = jdbi;
        this.cache = cache;
    }

    /** What is on disk, at once, with no server. */
    public Optional<ReferenceSnapshot> cached() {
        return cache.load();
    }

    /** Brings the cache up to date and returns it; pulls rows only if something changed. */
    public ReferenceSnapshot refresh() {
        Optional<ReferenceSnapshot> current = cache.load();
        String version = jdbi.withHandle(h -> h.createQuery(VERSION_SQL).mapTo(String.class).one());
        Instant now = Instant.now();
        if (current.isPresent() && current.get().version().equals(version)) {
            ReferenceSnapshot checked = current.get().checked(now);
            cache.save(checked);
            return checked;
        }
        ReferenceSnapshot fresh = jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ReferenceDao dao = h.attach(ReferenceDao.class);
            return new ReferenceSnapshot(ReferenceSnapshot.FORMAT, AppVersion.current(), cache.owner(), cache.session(), version, now, now, dao.agents(), dao.services(),
                    dao.featureFlags(), dao.orgFeatureFlags(), dao.orgTools(), dao.escalationRules(), dao.carrierForwardingRules(),
                    dao.integrations(), dao.knowledgeBase().stream().map(ReferenceDao.KnowledgeArticle::title).toList());
        });
        cache.save(fresh);
        return fresh;
    }
}
