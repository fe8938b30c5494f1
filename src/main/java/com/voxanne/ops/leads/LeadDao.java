package com.voxanne.ops.leads;

import com.voxanne.ops.catalog.PlatformColumns;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The SQL of the sales pipeline (leads, a configuration table read through the columns the
 * platform's has) and the website sign-ups (onboarding_submissions). On one handle.
 */
public final class LeadDao {

    public record OnboardingSubmission(UUID id, String email, String phone, String name, String company, String message, String source,
                                       Instant createdAt) {
    }

    private final Handle h;
    private final PlatformColumns columns;

    LeadDao(Handle h, PlatformColumns columns) {
        this.h = h;
        this.columns = columns;
    }

    /**
     * The whole pipeline, or one contact's part of it. leads is a configuration table: each field is
     * read where the platform's table has it; without a contact_id there is no one's part to show.
     */
    List<LeadService.PipelineEntry> pipeline(UUID contact) {
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
        var q = h.createQuery(sql);
        if (contact != null) {
            q.bind("contact", contact);
        }
        return q.map(ConstructorMapper.of(LeadService.PipelineEntry.class)).list();
    }

    /** Managers and admins only: the database gives users no rows. */
    List<OnboardingSubmission> onboardingSubmissions(int limit) {
        return h.createQuery("""
                        select id, email, phone, name, company, message, source, created_at from public.onboarding_submissions
                        order by created_at desc, id limit :limit""")
                .bind("limit", limit).map(ConstructorMapper.of(OnboardingSubmission.class)).list();
    }
}
