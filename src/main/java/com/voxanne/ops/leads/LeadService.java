package com.voxanne.ops.leads;

import com.voxanne.ops.catalog.PlatformColumns;
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
    private final PlatformColumns columns;

    public LeadService(Jdbi jdbi, PlatformColumns columns) {
        this.jdbi = jdbi;
        this.columns = columns;
    }

    public List<PipelineEntry> pipeline() {
        return entries(null);
    }

    /** A contact's entries in the pipeline. */
    public List<PipelineEntry> forContact(UUID contact) {
        return entries(contact);
    }

    /**
     * The whole pipeline, or one contact's part of it. leads is a configuration table: each field is
     * read where the platform's table has it; without a contact_id there is no one's part to show.
     */
    private List<PipelineEntry> entries(UUID contact) {
        if (!columns.has("leads", "id") || (contact != null && !columns.has("leads", "contact_id"))) {
            return List.of();
        }
        boolean withContact = columns.has("leads", "contact_id");
        boolean withOwner = columns.has("leads", "owner_profile_id");
        var l = columns.select("leads", "l").typed("id", "uuid").typed("contact_id", "uuid")
                .raw(withContact ? "nullif(concat_ws(' ', c.first_name, c.last_name), '') as contact_name" : "null::text as contact_name")
                .text("stage").typed("value_pence", "integer")
                .raw(withOwner ? "coalesce(p.full_name, p.email) as owner" : "null::text as owner")
                .typed("expected_close_date", "date").text("source").text("lost_reason").text("notes").typed("updated_at", "timestamptz");
        String sql = "select " + l + " from public.leads l"
                + (withContact ? " left join public.contacts c on c.id = l.contact_id" : "")
                + (withOwner ? " left join public.profiles p on p.id = l.owner_profile_id" : "")
                + (contact != null ? " where l.contact_id = :contact" : "")
                + " order by " + (columns.has("leads", "stage") ? "array_position(array['new', 'qualified', 'proposal', 'won', 'lost'], l.stage), " : "")
                + l.orderable("updated_at", "null") + " desc nulls last, l.id";
        return jdbi.withHandle(h -> {
            var q = h.createQuery(sql);
            if (contact != null) {
                q.bind("contact", contact);
            }
            return q.map(ConstructorMapper.of(PipelineEntry.class)).list();
        });
    }

    /** The latest website sign-ups; the database refuses users. */
    public List<LeadDao.OnboardingSubmission> signUps(int limit) {
        return jdbi.withExtension(LeadDao.class, dao -> dao.onboardingSubmissions(limit));
    }
}
