package com.voxanne.ops.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.QueryPlans;
import com.voxanne.ops.TestWorkspace;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A day's signals read the organization's calls, appointments and readings through their
 * indexes, never a whole table, under the manager's row-level security. Timings are the bench's
 * (docs/PERFORMANCE.md); this checks the plan that makes them.
 */
class SignalsPlanTest {

    @Test
    void aDaysSignalsReadIndexesAndNoWholeTable() {
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        ZoneId london = ZoneId.of("Europe/London");
        LocalDate day = LocalDate.of(2026, 10, 20);
        String[] kinds = Arrays.stream(SignalKind.values()).map(SignalKind::key).toArray(String[]::new);
        String plan = QueryPlans.explain(TestWorkspace.as("harley", "manager").jdbi(), SignalDao.class, "ofPeriod", Map.of("org", org,
                "from", day.atStartOfDay(london).toOffsetDateTime(), "to", day.plusDays(1).atStartOfDay(london).toOffsetDateTime(),
                "asOf", TestWorkspace.ANCHOR.atStartOfDay().atOffset(ZoneOffset.UTC), "kinds", kinds));
        // The big tables; the test workspace's 200 alerts are read whole by choice, as a planner should.
        assertThat(plan).doesNotContain("Seq Scan on calls").doesNotContain("Seq Scan on appointments")
                .doesNotContain("Seq Scan on call_readings");
        assertThat(plan).contains("voxconsole_calls_org_id_created_at_id_idx");
    }
}
