package com.voxanne.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's live floor: a call starts in progress in an organization people sign in to, and ends with a transcript. */
class DemoTrafficTest {

    @Test
    void aCallStartsInProgressAndEndsWithItsTranscript() throws Exception {
        try (DemoTraffic traffic = DemoTraffic.start(TestWorkspace.get().ownerDataSource(), Duration.ofHours(1))) {
            UUID id = traffic.startCall().orElseThrow();
            var started = TestWorkspace.owner().withHandle(h -> h.createQuery(
                    "select status || '|' || coalesce(transcript, '') || '|' || org_id from calls where id = :id").bind("id", id).mapTo(String.class).one());
            assertThat(started).startsWith("in_progress||");
            UUID org = UUID.fromString(started.substring(started.lastIndexOf('|') + 1));
            assertThat(org).isIn(TestWorkspace.orgId("Harley Street Dental Clinic"), TestWorkspace.orgId("Brightside Physiotherapy"));
        } finally {
            TestWorkspace.owner().useHandle(h -> h.execute("delete from calls where vapi_call_id like 'call\\_live\\_%'"));
        }
    }
}
