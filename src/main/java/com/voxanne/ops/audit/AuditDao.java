package com.voxanne.ops.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The console's own audit trail of the organization; admins only (the database refuses everyone else). */
@RegisterConstructorMapper(AuditDao.AuditEntry.class)
public interface AuditDao {

    record AuditEntry(UUID id, String actorLogin, String action, String entity, UUID entityId, String details, Instant createdAt) {
    }

    @SqlQuery("""
            select id, actor_login, action, entity, entity_id, details::text as details, created_at from voxconsole.audit_trail
            order by created_at desc, id limit :limit""")
    List<AuditEntry> auditLog(@Bind("limit") int limit);
}
