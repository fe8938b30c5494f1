package com.voxanne.ops.contacts;

import com.voxanne.ops.records.ContactDao;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.Appointment;
import com.voxanne.ops.appointments.AppointmentService;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.TypedText;
import com.voxanne.ops.leads.LeadService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/** The contacts workspace's way to the database. Blocking: call it from the background executor. */
public class ContactService {

    /** A contact with what the console knows around them. */
    public record ContactDetail(Contact contact, List<CallSummary> recentCalls, List<Appointment> appointments, List<LeadService.PipelineEntry> leads) {
    }

    /** What a person may change on a contact (the database's column grants say the same). */
    public record ContactEdit(String firstName, String lastName, String phone, String email, String leadStatus, Integer leadScore, String notes) {
    }

    private final Jdbi jdbi;
    private final PlatformColumns columns;

    public ContactService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
    }

    /**
     * One page of contacts by name, keyset on (last_name, first_name, id).
     *
     * @param search     a prefix of the first or last name, the full name or the phone number (matched literally)
     * @param leadStatus one status, or null for all
     * @param after      the last contact of the previous page, or null
     */
    public List<Contact> page(UUID org, String search, String leadStatus, Contact after, int limit) {
        StringBuilder sql = new StringBuilder("select " + ContactDao.COLUMNS + " from public.contacts where org_id = :org");
        List<java.util.function.Consumer<Query>> binds = new ArrayList<>();
        String typed = TypedText.cleanOrNull(search);
        if (typed != null) {
            sql.append(" and (first_name ilike :prefix or last_name ilike :prefix or (first_name || ' ' || last_name) ilike :prefix"
                    + " or phone like :phonePrefix)");
            String digits = typed.replaceAll("[\\s()-]", "");
            binds.add(q -> q.bind("prefix", ContactDao.likePrefix(typed)).bind("phonePrefix", ContactDao.likePrefix(digits)));
        }
        if (leadStatus != null) {
            sql.append(" and lead_status = :status");
            binds.add(q -> q.bind("status", leadStatus));
        }
        if (after != null) {
            sql.append(" and (last_name, first_name, id) > (:afterLast, :afterFirst, :afterId)");
            binds.add(q -> q.bind("afterLast", after.lastName()).bind("afterFirst", after.firstName()).bind("afterId", after.id()));
        }
        sql.append(" order by last_name, first_name, id limit :limit");
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString()).bind("org", org).bind("limit", limit);
            binds.forEach(b -> b.accept(q));
            return q.map(ConstructorMapper.of(Contact.class)).list();
        });
    }

    public Optional<Contact> find(UUID id) {
        return jdbi.withExtension(ContactDao.class, dao -> dao.find(id));
    }

    /** The contact, their latest calls, appointments and pipeline entries. */
    public Optional<ContactDetail> details(UUID org, UUID id) {
        return find(id).map(c -> new ContactDetail(c,
                new CallLogService(jdbi).page(CallLogQuery.firstPage(org, 20).withContact(id)),
                new AppointmentService(jdbi).forContact(id),
                new LeadService(jdbi, columns).forContact(id)));
    }

    /** Saves the edit over {@code base}, stating the version the person saw. */
    public SaveResult<Contact> save(Contact base, ContactEdit edit) {
        return OptimisticWrite.run(jdbi, h -> h.createUpdate("""
                        update public.contacts set first_name = :first, last_name = :last, phone = :phone, email = :email,
                               lead_status = :status, lead_score = :score, notes = :notes
                        where id = :id and updated_at = :seen""")
                        .bind("first", edit.firstName()).bind("last", edit.lastName()).bind("phone", edit.phone()).bind("email", edit.email())
                        .bind("status", edit.leadStatus()).bind("score", edit.leadScore()).bind("notes", edit.notes())
                        .bind("id", base.id()).bind("seen", OptimisticWrite.utc(base.updatedAt())).execute(),
                h -> h.attach(ContactDao.class).find(base.id()), Contact::updatedAt, base.updatedAt());
    }
}
