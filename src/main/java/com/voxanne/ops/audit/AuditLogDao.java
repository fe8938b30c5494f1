package com.voxanne.ops.audit;

import com.voxanne.ops.catalog.PlatformColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * The SQL of the audit workspace: the console's audit trail narrowed by a filter and paged by keyset
 * on (created_at, id), and the platform's security and telephony logs through the columns they
 * have. On one handle; row-level security narrows everything to the signed-in organization.
 */
final class AuditLogDao {

    private final Handle h;
    private final PlatformColumns columns;

    AuditLogDao(Handle h, PlatformColumns columns) {
        this.h = h;
        this.columns = columns;
    }

    List<AuditEntry> page(UUID org, AuditLogService.Filter f, AuditEntry after, int limit) {
        StringBuilder sql = new StringBuilder("""
                select a.id, a.created_at, a.actor_login, coalesce(p.full_name, p.email) as actor_name, a.action, a.entity, a.entity_id,
                       a.details::text as details
                from voxconsole.audit_trail a left join public.profiles p on p.id = (a.details ->> 'profile_id')::uuid
                where a.org_id = :org""");
        List<Consumer<Query>> binds = new ArrayList<>();
        if (f.entity() != null) {
            sql.append(" and a.entity = :entity");
            binds.add(q -> q.bind("entity", f.entity()));
        }
        if (f.action() != null) {
            sql.append(" and a.action = :action");
            binds.add(q -> q.bind("action", f.action()));
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            sql.append(" and a.actor_login = :actor");
            binds.add(q -> q.bind("actor", f.actor().strip()));
        }
        if (f.from() != null) {
            sql.append(" and a.created_at >= :from");
            binds.add(q -> q.bind("from", f.from().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (f.to() != null) {
            sql.append(" and a.created_at < :to");
            binds.add(q -> q.bind("to", f.to().atOffset(java.time.ZoneOffset.UTC)));
        }
        if (after != null) {
            sql.append(" and (a.created_at, a.id) < (:afterAt, :afterId)");
            binds.add(q -> q.bind("afterAt", after.createdAt().atOffset(java.time.ZoneOffset.UTC)).bind("afterId", after.id()));
        }
        sql.append(" order by a.created_at desc, a.id desc limit :limit");
        Query q = h.createQuery(sql.toString()).bind("org", org).bind("limit", limit);
        binds.forEach(b -> b.accept(q));
        return q.map(ConstructorMapper.of(AuditEntry.class)).list();
    }

    /** The logins that appear in the organization's audit trail, for the "who" filter. */
    List<String> actors(UUID org) {
        return h.createQuery("select distinct actor_login from voxconsole.audit_trail where org_id = :org order by 1")
                .bind("org", org).mapTo(String.class).list();
    }

    /** The platform's security log, through the columns it has (admins only). */
    List<SecurityEvent> securityEvents(int limit) {
        if (!columns.has("security_audit_log", "id")) {
            return List.of();
        }
        var s = columns.select("security_audit_log", "e").typed("id", "uuid").text("event_type").text("login_role").text("ip_address")
                .asText("details").typed("created_at", "timestamptz");
        return h.createQuery("select " + s + " from public.security_audit_log e order by "
                        + s.orderable("created_at", "null") + " desc nulls last, e.id limit :limit")
                .bind("limit", limit).map(ConstructorMapper.of(SecurityEvent.class)).list();
    }

    /** The platform's record of telephony mode changes, through the columns it has (admins only). */
    List<TelephonyChange> telephonyChanges(int limit) {
        if (!columns.has("telephony_country_audit_log", "id")) {
            return List.of();
        }
        var s = columns.select("telephony_country_audit_log", "t").typed("id", "uuid").text("country_code").text("previous_mode")
                .text("new_mode").text("phone_number").text("changed_by_login").text("reason").typed("created_at", "timestamptz");
        return h.createQuery("select " + s + " from public.telephony_country_audit_log t order by "
                        + s.orderable("created_at", "null") + " desc nulls last, t.id limit :limit")
                .bind("limit", limit).map(ConstructorMapper.of(TelephonyChange.class)).list();
    }
}
