package com.voxanne.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The demo's live floor: calls start in progress where people sign in, and none is left in progress for good. */
class DemoTrafficTest {

    @Test
    void callsLeftInProgressByAConsoleThatQuitEndWhenTheFloorStartsAgain() {
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        UUID left = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                insert into calls (org_id, call_direction, from_number, to_number, status, vapi_call_id, created_at)
                values (:org, 'inbound', '+447700900321', '+442079460000', 'in_progress', 'call_live_left_behind', now() - interval '5 minutes')
                returning id""").bind("org", org).mapTo(UUID.class).one());
        try (DemoTraffic traffic = DemoTraffic.start(TestWorkspace.get().ownerDataSource(), Duration.ofHours(1))) {
            String now = TestWorkspace.owner().withHandle(h -> h.createQuery(
                    "select status from calls where id = :id").bind("id", left).mapTo(String.class).one());
            assertThat(now).as("ended as a dropped call").isEqualTo("failed");
        } finally {
            TestWorkspace.owner().useHandle(h -> h.execute("delete from calls where vapi_call_id like 'call\\_live\\_%'"));
        }
    }

    @Test
    void aCallStartsInProgressInAnOrganizationPeopleSignInTo() throws Exception {
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
