package com.voxanne.ops.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The sales pipeline with the names behind it, and the website sign-ups (managers and admins). Blocking. */
public class LeadService {

    public record PipelineEntry(UUID id, UUID contactId, String contactName, String stage, Integer valuePence, String owner,
                                LocalDate expectedCloseDate, String source, String lostReason, String notes, Instant updatedAt) {
    }

    private final Jdbi jdbi;

    public LeadService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public List<PipelineEntry> pipeline() {
        return entries(null);
    }

    /** A contact's entries in the pipeline. */
    public List<PipelineEntry> forContact(UUID contact) {
        return entries(contact);
    }

    /** The whole pipeline, or one contact's part of it. */
    private List<PipelineEntry> entries(UUID contact) {
        return jdbi.withHandle(h -> h.createQuery("""
                        select l.id, l.contact_id, nullif(concat_ws(' ', c.first_name, c.last_name), '') as contact_name, l.stage, l.value_pence,
                               coalesce(p.full_name, p.email) as owner, l.expected_close_date, l.source, l.lost_reason, l.notes, l.updated_at
                        from public.leads l
                        left join public.contacts c on c.id = l.contact_id
                        left join public.profiles p on p.id = l.owner_profile_id
                        where cast(:contact as uuid) is null or l.contact_id = :contact
                        order by array_position(array['new', 'qualified', 'proposal', 'won', 'lost'], l.stage), l.updated_at desc, l.id""")
                .bind("contact", contact).map(ConstructorMapper.of(PipelineEntry.class)).list());
    }

    /** The latest website sign-ups; the database refuses users. */
    public List<LeadDao.OnboardingSubmission> signUps(int limit) {
        return jdbi.withExtension(LeadDao.class, dao -> dao.onboardingSubmissions(limit));
    }
}
