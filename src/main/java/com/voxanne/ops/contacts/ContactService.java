package com.voxanne.ops.contacts;

import com.voxanne.ops.records.ContactDao;
import com.voxanne.ops.records.Contact;
import com.voxanne.ops.records.Appointment;
import com.voxanne.ops.records.AppointmentDao;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.leads.LeadService;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The contacts workspace's way to the database. Blocking: call it from the background executor. */
public class ContactService {

    /** A contact with what the console knows around them. */
    public record ContactDetail(Contact contact, List<CallSummary> recentCalls, List<Appointment> appointments, List<LeadService.PipelineEntry> leads) {
    }

    /** What a person may change on a contact (the database's column grants say the same). */
    public record ContactEdit(String firstName, String lastName, String phone, String email, String leadStatus, Integer leadScore, String notes) {
    }

    private final Jdbi jdbi;
    private final CallLogService calls;
    private final LeadService leads;

    /** {@code calls} and {@code leads} are the features a contact's details show; the composition root hands them in. */
    public ContactService(Jdbi jdbi, CallLogService calls, LeadService leads) {
        this.jdbi = jdbi;
        this.calls = calls;
        this.leads = leads;
    }

    /**
     * One page of contacts by name, keyset on (last_name, first_name, id).
     *
     * @param search     a prefix of the first or last name, the full name or the phone number (matched literally)
     * @param leadStatus one status, or null for all
     * @param after      the last contact of the previous page, or null
     */
    public List<Contact> page(UUID org, String search, String leadStatus, Contact after, int limit) {
        return jdbi.withHandle(h -> new ContactPageDao(h).page(org, search, leadStatus, after, limit));
    }

    public Optional<Contact> find(UUID id) {
        return jdbi.withExtension(ContactDao.class, dao -> dao.find(id));
    }

    /** The contact, their latest calls, appointments and pipeline entries. */
    public Optional<ContactDetail> details(UUID org, UUID id) {
        return find(id).map(c -> new ContactDetail(c,
                calls.page(CallLogQuery.firstPage(org, 20).withContact(id)),
                jdbi.withExtension(AppointmentDao.class, dao -> dao.forContact(id)),
                leads.forContact(id)));
    }

    /** Saves the edit over {@code base}, stating the version the person saw. */
    public SaveResult<Contact> save(Contact base, ContactEdit edit) {
        return OptimisticWrite.run(jdbi, h -> h.attach(ContactDao.class).update(base.id(), edit.firstName(), edit.lastName(), edit.phone(),
                        edit.email(), edit.leadStatus(), edit.leadScore(), edit.notes(), OptimisticWrite.utc(base.updatedAt())),
                h -> h.attach(ContactDao.class).find(base.id()), Contact::updatedAt, base.updatedAt());
    }
}
