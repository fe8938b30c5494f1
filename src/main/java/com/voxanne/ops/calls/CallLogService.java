package com.voxanne.ops.calls;

import com.voxanne.ops.records.AppointmentDao;
import com.voxanne.ops.records.ContactDao;
import com.voxanne.ops.db.Supersedable;
import com.voxanne.ops.records.CallTrackingDao;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The calls workspace's way to the database. Blocking: call it from the background executor. */
public class CallLogService {

    private final Jdbi jdbi;

    public CallLogService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<CallSummary> page(CallLogQuery query) {
        return jdbi.withExtension(CallDao.class, dao -> dao.page(query));
    }

    /** The same, stopped in the server when {@code ticket} is superseded (a newer filter or search). */
    public List<CallSummary> page(CallLogQuery query, Supersedable ticket) {
        return jdbi.withHandle(h -> ticket.run(h, () -> h.attach(CallDao.class).page(query)));
    }

    /** Those of {@code ids} that the query's filter matches (no paging): for live changes. */
    public List<CallSummary> matching(CallLogQuery query, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(CallDao.class, dao -> dao.matching(query, ids));
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
        List<CallSummary> above = new java.util.ArrayList<>(page(query.sorted(query.sort().reversed()).after(first.cursor())));
        java.util.Collections.reverse(above);
        return above;
    }

    /** The call, its contact, tracking and the contact's appointments, read in one transaction so they agree with each other. */
    public Optional<CallDetails> details(UUID callId) {
        return jdbi.inTransaction(h -> h.attach(CallDao.class).find(callId).map(call -> new CallDetails(
                call,
                call.contactId() == null ? Optional.empty() : h.attach(ContactDao.class).find(call.contactId()),
                h.attach(CallTrackingDao.class).forCall(callId),
                Transcript.parse(call.transcript()),
                call.contactId() == null ? List.of() : h.attach(AppointmentDao.class).forContact(call.contactId()))));
    }
}
