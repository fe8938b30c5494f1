package com.voxanne.ops.setup;

import com.voxanne.ops.base.AppVersion;
import com.voxanne.ops.catalog.PlatformColumns;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Refreshes the reference cache cheaply: one query asks the server for a change marker of the
 * reference tables (newest change and row count of each); only when it differs from the cached
 * marker are the rows pulled again. Blocking: run it in the background.
 */
public class ReferenceService {

    /** The tables whose changes the marker follows, each with the column that says when a row last changed. */
    private static final List<String> MARKED = List.of("agents", "services", "feature_flags", "org_feature_flags", "org_tools",
            "escalation_rules", "carrier_forwarding_rules", "integrations", "knowledge_base");

    private final Jdbi jdbi;
    private final ReferenceCache cache;
    private final PlatformColumns columns;

    public ReferenceService(Jdbi jdbi, ReferenceCache cache, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.cache = cache;
        this.columns = columns;
    }

    /** What is on disk, at once, with no server. */
    public Optional<ReferenceSnapshot> cached() {
        return cache.load();
    }

    /** Brings the cache up to date and returns it; pulls rows only if something changed. */
    public ReferenceSnapshot refresh() {
        Optional<ReferenceSnapshot> current = cache.load();
        // The columns take part: a cache made when a table had other columns is not this one.
        String version = jdbi.withHandle(h -> new ReferenceDao(h, columns).changeMarker(MARKED)) + "#" + columns.hashCode();
        Instant now = Instant.now();
        if (current.isPresent() && current.get().version().equals(version)) {
            ReferenceSnapshot checked = current.get().checked(now);
            cache.save(checked);
            return checked;
        }
        ReferenceSnapshot fresh = jdbi.inTransaction(org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ, h -> {
            ReferenceDao dao = new ReferenceDao(h, columns);
            return new ReferenceSnapshot(ReferenceSnapshot.FORMAT, AppVersion.current(), cache.owner(), cache.session(), version, now, now, columns,
                    dao.agents(), dao.services(),
                    dao.featureFlags(), dao.orgFeatureFlags(), dao.orgTools(), dao.escalationRules(), dao.carrierForwardingRules(),
                    dao.integrations(), dao.knowledgeBase().stream().map(ReferenceDao.KnowledgeArticle::title).toList());
        });
        cache.save(fresh);
        return fresh;
    }
}
