package com.voxanne.ops.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.QueryPlans;
import com.voxanne.ops.TestWorkspace;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A month of the calendar with its no-show signals: each appointment's two look-ups are answered
 * by small partial indexes of the rare rows they look for, never by reading a contact's whole
 * history (docs/PERFORMANCE.md).
 */
class AgendaPlanTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");

    @Test
    void theNoShowSignalsUseTheirPartialIndexes() {
        var from = TestWorkspace.ANCHOR.withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String plan = QueryPlans.explain(TestWorkspace.as("harley", "user").jdbi(), AgendaDao.class, "between",
                Map.of("org", ORG, "from", from, "to", from.plusMonths(1)));

        assertThat(plan).contains("voxconsole_appointments_no_show_idx").contains("voxconsole_calls_negative_by_contact_idx")
                .doesNotContain("Seq Scan on calls");
    }

    @Test
    void theMonthGridCountsFromTheIndexAlone() {
        var from = TestWorkspace.ANCHOR.withDayOfMonth(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        String plan = QueryPlans.explain(TestWorkspace.as("harley", "user").jdbi(), AgendaDao.class, "dayCounts",
                Map.of("org", ORG, "from", from, "to", from.plusMonths(1), "zone", "Europe/London"));

        assertThat(plan).contains("Index Only Scan using voxconsole_appointments_org_id_scheduled_at_idx").doesNotContain("Heap Scan on appointments");
    }
}
