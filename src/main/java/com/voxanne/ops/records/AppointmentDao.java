package com.voxanne.ops.records;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Appointments of the signed-in organization, as the features that show a contact's read them (the calendar has AgendaDao). */
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
}
