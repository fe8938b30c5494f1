package com.voxanne.ops.leads;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The sales pipeline (leads) and website sign-ups (onboarding_submissions) of the organization. */
@RegisterConstructorMapper(LeadDao.Lead.class)
@RegisterConstructorMapper(LeadDao.OnboardingSubmission.class)
public interface LeadDao {

    record Lead(UUID id, UUID contactId, String source, String stage, Integer valuePence, UUID ownerProfileId, LocalDate expectedCloseDate,
                String lostReason, String notes, Instant updatedAt) {
    }

    record OnboardingSubmission(UUID id, String email, String phone, String name, String company, String message, String source,
                                Instant createdAt) {
    }

    @SqlQuery("""
            select id, contact_id, source, stage, value_pence, owner_profile_id, expected_close_date, lost_reason, notes, updated_at
            from public.leads order by updated_at desc, id""")
    List<Lead> pipeline();

    @SqlQuery("""
            select id, contact_id, source, stage, value_pence, owner_profile_id, expected_close_date, lost_reason, notes, updated_at
            from public.leads where contact_id = :contact order by updated_at desc, id""")
    List<Lead> forContact(@Bind("contact") UUID contact);

    /** Managers and admins only. */
    @SqlQuery("""
            select id, email, phone, name, company, message, source, created_at from public.onboarding_submissions
            order by created_at desc, id limit :limit""")
    List<OnboardingSubmission> onboardingSubmissions(@Bind("limit") int limit);
}
