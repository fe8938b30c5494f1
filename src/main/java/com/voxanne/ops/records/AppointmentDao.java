package com.voxanne.ops.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Appointments of the signed-in organization. Writes are optimistic: they name the updated_at they saw. */
@RegisterConstructorMapper(Appointment.class)
public interface AppointmentDao {

    String COLUMNS = "id, org_id, contact_id, title, description, scheduled_at, duration_minutes, status, location, notes, "
            + "reminder_sent_at, created_at, updated_at";

    @SqlQuery("select " + COLUMNS + " from public.appointments where id = :id")
    Optional<Appointment> find(@Bind("id") UUID id);

    /** A calendar window, e.g. one month: [from, to). */
    @SqlQuery("select " + COLUMNS + " from public.appointments where scheduled_at >= :from and scheduled_at < :to order by scheduled_at, id")
    List<Appointment> between(@Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    @SqlQuery("select " + COLUMNS + " from public.appointments where contact_id = :contactId order by scheduled_at desc, id")
    List<Appointment> forContact(@Bind("contactId") UUID contactId);

    /** @return 1 if saved, 0 if the row changed since {@code seenUpdatedAt}, was not visible, or is not the caller's to change */
    @SqlUpdate("update public.appointments set status = :status where id = :id and updated_at = :seenUpdatedAt")
    int updateStatus(@Bind("id") UUID id, @Bind("status") String status, @Bind("seenUpdatedAt") OffsetDateTime seenUpdatedAt);

    @SqlUpdate("update public.appointments set notes = :notes where id = :id and updated_at = :seenUpdatedAt")
    int updateNotes(@Bind("id") UUID id, @Bind("notes") String notes, @Bind("seenUpdatedAt") OffsetDateTime seenUpdatedAt);
}
