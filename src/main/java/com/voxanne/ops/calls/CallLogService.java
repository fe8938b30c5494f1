package com.voxanne.ops.calls;

import com.voxanne.ops.records.AppointmentDao;
import com.voxanne.ops.records.ContactDao;
import com.voxanne.ops.db.Supersedable;
import com.voxanne.ops.records.CallTrackingDao;
import com.voxanne.ops.signals.FlaggedCall;
import com.voxanne.ops.signals.CallOutcome;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.signals.SignalService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The calls workspace's way to the database. Blocking: call it from the background executor. */
public class CallLogService {

    /** A filter by signal without dates looks at this many days back. */
    public static final int SIGNAL_DAYS = 30;
    /** How long the calls a signal filter found are kept for its next pages and live changes. */
    private static final Duration SIGNALS_KEPT = Duration.ofSeconds(30);

    private final Jdbi jdbi;
    private final SignalService signals;
    private final Clock clock;
    private volatile Flagged lastFlagged;

    /** The calls a signal filter found, and when. */
    private record Flagged(UUID org, Instant from, Instant to, Set<SignalKind> kinds, Instant at, List<UUID> ids) {
    }

    /** A call log that cannot filter by signal (tools and tests that need none). */
    public CallLogService(Jdbi jdbi) {
        this(jdbi, null, Clock.systemUTC());
    }

    public CallLogService(Jdbi jdbi, SignalService signals, Clock clock) {
        this.jdbi = jdbi;
        this.signals = signals;
        this.clock = clock;
    }

    public List<CallSummary> page(CallLogQuery query) {
        CallLogQuery resolved = resolve(query);
        return jdbi.withExtension(CallDao.class, dao -> dao.page(resolved));
    }

    /** The same, stopped in the server when {@code ticket} is superseded (a newer filter or search). */
    public List<CallSummary> page(CallLogQuery query, Supersedable ticket) {
        CallLogQuery resolved = resolve(query);
        return jdbi.withHandle(h -> ticket.run(h, () -> h.attach(CallDao.class).page(resolved)));
    }

    /** Those of {@code ids} that the query's filter matches (no paging): for live changes. */
    public List<CallSummary> matching(CallLogQuery query, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        CallLogQuery resolved = resolve(query);
        return jdbi.withExtension(CallDao.class, dao -> dao.matching(resolved, ids));
    }

    /**
     * The query with its signals turned into the calls that have them (the signals are asked of the
     * database for the whole period once, then kept briefly for the next pages). A query without
     * signals is returned as it is.
     */
    public CallLogQuery resolve(CallLogQuery query) {
        if (query.signals().isEmpty() || query.onlyIds() != null) {
            return query;
        }
        if (signals == null) {
            throw new IllegalStateException("This call log was made without the signals");
        }
        Instant now = clock.instant();
        Instant to = query.to() != null ? query.to() : now;
        Instant from = query.from() != null ? query.from() : to.minus(Duration.ofDays(SIGNAL_DAYS));
        Flagged kept = lastFlagged;
        if (kept == null || !kept.org().equals(query.orgId()) || !kept.from().equals(from) || !kept.to().equals(to)
                || !kept.kinds().equals(query.signals()) || kept.at().plus(SIGNALS_KEPT).isBefore(now)) {
            List<UUID> ids = signals.flagged(query.orgId(), from, to, query.signals(), now).stream().map(FlaggedCall::callId).toList();
            kept = new Flagged(query.orgId(), from, to, query.signals(), now, ids);
            lastFlagged = kept;
        }
        return query.onlyIds(kept.ids());
    }

    /** Forgets the calls signal filters found, so a reload asks again. */
    public void forgetSignals() {
        lastFlagged = null;
    }

    /** The signals of these calls and what happened after each, for the log's column and the detail; empty without signals. */
    public Map<UUID, CallOutcome> outcomes(UUID org, java.util.Collection<UUID> ids) {
        return signals == null || ids.isEmpty() ? Map.of() : signals.outcomes(org, ids, clock.instant());
    }

    /** Up to ten contacts whose name or number starts with what was typed (two characters at least). */
    public List<com.voxanne.ops.records.Contact> contactsStartingWith(UUID org, String typed) {
        if (typed == null || typed.strip().length() < 2) {
            return List.of();
        }
        return jdbi.withExtension(ContactDao.class, dao -> dao.startingWith(org, ContactDao.likePrefix(typed), 10));
    }

    /** The page just above {@code first} in the query's order, nearest last (ready to prepend). */
    public List<CallSummary> pageBefore(CallLogQuery query, CallSummary first) {
        CallLogQuery resolved = resolve(query);
        List<CallSummary> above = new java.util.ArrayList<>(page(resolved.sorted(resolved.sort().reversed()).after(first.cursor())));
        java.util.Collections.reverse(above);
        return above;
    }

    /**
     * The call, its contact, tracking and the contact's appointments, read in one transaction so they
     * agree with each other; then its signals and what happened after it.
     */
    public Optional<CallDetails> details(UUID callId) {
        Optional<CallDetails> read = jdbi.inTransaction(h -> h.attach(CallDao.class).find(callId).map(call -> new CallDetails(
                call,
                call.contactId() == null ? Optional.empty() : h.attach(ContactDao.class).find(call.contactId()),
                h.attach(CallTrackingDao.class).forCall(callId),
                Transcript.parse(call.transcript()),
                call.contactId() == null ? List.of() : h.attach(AppointmentDao.class).forContact(call.contactId()),
                Optional.empty())));
        return read.map(d -> new CallDetails(d.call(), d.contact(), d.tracking(), d.transcript(), d.appointments(),
                Optional.ofNullable(outcomes(d.call().orgId(), List.of(callId)).get(callId))));
    }
}
