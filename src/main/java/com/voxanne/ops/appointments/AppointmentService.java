package com.voxanne.ops.appointments;

import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The appointments workspace's way to the database. Saves are optimistic ({@link OptimisticWrite}):
 * an UPDATE names the updated_at the person saw, and if someone else saved in between nothing is
 * overwritten.
 */
public class AppointmentService {

    private final Jdbi jdbi;
    private final CallLogService calls;

    /** {@code calls} finds the call that booked an appointment; the composition root hands it in. */
    public AppointmentService(Jdbi jdbi, CallLogService calls) {
        this.jdbi = jdbi;
        this.calls = calls;
    }

    /** The edit a person made: status, new time, notes. */
    public record Change(String status, Instant scheduledAt, String notes) {
    }

    public List<AgendaEntry> between(UUID org, Instant from, Instant to) {
        return jdbi.withExtension(AgendaDao.class, dao -> dao.between(org, utc(from), utc(to)));
    }

    /** Every day from {@code first} to the day before {@code end}, with its appointments counted by status (days without any included). */
    public List<DayLoad> days(UUID org, java.time.LocalDate first, java.time.LocalDate end, java.time.ZoneId zone) {
        var counts = jdbi.withExtension(AgendaDao.class, dao -> dao.dayCounts(org, first.atStartOfDay(zone).toOffsetDateTime(),
                end.atStartOfDay(zone).toOffsetDateTime(), zone.getId()));
        java.util.Map<java.time.LocalDate, DayLoad> byDay = new java.util.LinkedHashMap<>();
        for (var d = first; d.isBefore(end); d = d.plusDays(1)) {
            byDay.put(d, DayLoad.empty(d));
        }
        for (AgendaDao.DayStatusCount c : counts) {
            byDay.computeIfPresent(c.day(), (day, load) -> load.plus(c.status(), c.count()));
        }
        return List.copyOf(byDay.values());
    }

    /** The call that booked it: the contact's call that ended just before the appointment was created. */
    public Optional<CallSummary> bookingCall(UUID org, AgendaEntry entry) {
        CallLogQuery q = CallLogQuery.firstPage(org, 1).withContact(entry.contactId())
                .between(entry.createdAt().minusSeconds(3_600), entry.createdAt().plusSeconds(1));
        return calls.page(q).stream().findFirst();
    }

    /** An optimistic save: nothing changes if someone else saved since {@code seenUpdatedAt}. */
    public SaveResult<AgendaEntry> save(UUID id, Instant seenUpdatedAt, Change change) {
        String notes = change.notes() == null || change.notes().isBlank() ? null : change.notes();
        return OptimisticWrite.run(jdbi, h -> h.attach(AgendaDao.class).reschedule(id, change.status(), utc(change.scheduledAt()), notes,
                        utc(seenUpdatedAt)),
                h -> h.attach(AgendaDao.class).find(id), AgendaEntry::updatedAt, seenUpdatedAt);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
