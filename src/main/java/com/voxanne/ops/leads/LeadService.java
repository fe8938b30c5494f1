package com.voxanne.ops.leads;

import com.voxanne.ops.catalog.PlatformColumns;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

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

    private List<PipelineEntry> entries(UUID contact) {
        return jdbi.withHandle(h -> new LeadDao(h, columns).pipeline(contact));
    }

    /** The latest website sign-ups; the database refuses users. */
    public List<LeadDao.OnboardingSubmission> signUps(int limit) {
        return jdbi.withHandle(h -> new LeadDao(h, columns).onboardingSubmissions(limit));
    }
}
