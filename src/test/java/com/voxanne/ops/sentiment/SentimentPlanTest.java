package com.voxanne.ops.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.QueryPlans;
import com.voxanne.ops.TestWorkspace;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The charts' one query reads the keyset index alone: it carries every column the charts count,
 * so a 90-day chart of the largest organization touches index pages only (docs/PERFORMANCE.md).
 * Timings are the bench's job; this checks the plan, which is what makes them.
 */
class SentimentPlanTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");

    @Test
    void theChartsAreAnIndexOnlyScanOfTheKeysetIndex() {
        var to = TestWorkspace.ANCHOR.atStartOfDay().atOffset(ZoneOffset.UTC);
        String plan = QueryPlans.explain(TestWorkspace.as("brightside", "user").jdbi(), SentimentDao.class, "counts",
                Map.of("org", ORG, "from", to.minusDays(90), "to", to, "bucket", "day", "zone", "Europe/London"));

        assertThat(plan).contains("Index Only Scan using voxconsole_calls_org_id_created_at_id_idx")
                .doesNotContain("Seq Scan on calls")
                .doesNotContain("Bitmap Heap Scan on calls");
        assertThat(plan.split("Scan on calls|Scan using voxconsole_calls", -1)).as("the calls are read once for all three charts").hasSize(2);
    }
}
