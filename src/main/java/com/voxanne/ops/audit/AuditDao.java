package com.voxanne.ops.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The organization's audit trails; admins only (the database refuses everyone else). */
@RegisterConstructorMapper(AuditDao.AuditEntry.class)
@RegisterConstructorMapper(SecurityEvent.class)
@RegisterConstructorMapper(TelephonyChange.class)
public interface AuditDao {

    record AuditEntry(UUID id, String actorLogin, String action, String entity, UUID entityId, String details, Instant createdAt) {
    }

    @SqlQuery("""
            select id, actor_login, action, entity, entity_id, details::text as details, created_at from voxconsole.audit_trail
            order by created_at desc, id limit :limit""")
    List<AuditEntry> auditLog(@Bind("limit") int limit);

    @SqlQuery("""
            select id, event_type, login_role, ip_address, details::text as details, created_at from public.security_audit_log
            order by created_at desc, id limit :limit""")
    List<SecurityEvent> securityLog(@Bind("limit") int limit);

    @SqlQuery("""
            select id, country_code, previous_mode, new_mode, phone_number, changed_by_login, reason, created_at
            from public.telephony_country_audit_log order by created_at desc, id limit :limit""")
    List<TelephonyChange> telephonyChanges(@Bind("limit") int limit);
}
