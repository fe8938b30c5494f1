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
 * The signals are kept (migration V8), so a question reads the kept rows of its organization and
 * period through their index, never a whole table and never the platform's tables, under the
 * manager's row-level security. Timings are the bench's (docs/PERFORMANCE.md); this checks the
 * plans that make them.
 */
class SignalsPlanTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] KINDS = Arrays.stream(SignalKind.values()).map(SignalKind::key).toArray(String[]::new);

    @Test
    void aDaysSignalsReadTheKeptRowsByTheirIndex() {
        LocalDate day = LocalDate.of(2026, 10, 20);
        assertReadsKeptRowsOnly(plan("ofPeriod", day, day.plusDays(1)));
    }

    @Test
    void aMonthsCountsReadTheKeptRowsByTheirIndex() {
        LocalDate first = LocalDate.of(2026, 10, 1);
        assertReadsKeptRowsOnly(plan("countsPerDay", first, first.plusMonths(1)));
    }

    private static String plan(String method, LocalDate from, LocalDate to) {
        return QueryPlans.explain(TestWorkspace.as("harley", "manager").jdbi(), SignalDao.class, method, Map.of("org", ORG,
                "from", from.atStartOfDay(LONDON).toOffsetDateTime(), "to", to.atStartOfDay(LONDON).toOffsetDateTime(),
                "asOf", TestWorkspace.ANCHOR.atStartOfDay().atOffset(ZoneOffset.UTC), "kinds", KINDS));
    }

    private static void assertReadsKeptRowsOnly(String plan) {
        assertThat(plan).contains("call_signals_org_id_created_at_idx").doesNotContain("Seq Scan")
                .doesNotContain(" on calls").doesNotContain(" on appointments").doesNotContain(" on call_readings");
    }
}
