package com.voxanne.ops.audit;

import com.voxanne.ops.catalog.PlatformColumns;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The organization's audit trail for its admins: who changed what and when, newest first, narrowed
 * by table, action, login and time, paged by keyset on (created_at, id). Blocking.
 */
public class AuditLogService {

    /** What the log is narrowed to; nulls mean "any". {@code to} is exclusive. */
    public record Filter(String entity, String action, String actor, Instant from, Instant to) {
        public static final Filter ANY = new Filter(null, null, null, null, null);
    }

    private final Jdbi jdbi;
    private final PlatformColumns columns;

    public AuditLogService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
    }

    public List<AuditEntry> page(UUID org, Filter f, AuditEntry after, int limit) {
        return jdbi.withHandle(h -> dao(h).page(org, f, after, limit));
    }

    /** The logins that appear in the organization's audit trail, for the "who" filter. */
    public List<String> actors(UUID org) {
        return jdbi.withHandle(h -> dao(h).actors(org));
    }

    /** The platform's security log, through the columns it has (admins only). */
    public List<SecurityEvent> securityEvents(int limit) {
        return jdbi.withHandle(h -> dao(h).securityEvents(limit));
    }

    /** The platform's record of telephony mode changes, through the columns it has (admins only). */
    public List<TelephonyChange> telephonyChanges(int limit) {
        return jdbi.withHandle(h -> dao(h).telephonyChanges(limit));
    }

    private AuditLogDao dao(Handle h) {
        return new AuditLogDao(h, columns);
    }
}
