package com.voxanne.ops.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestCalls;
import com.voxanne.ops.TestWorkspace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The live feed against the real server: arrival, isolation between organizations, and catching up after a lost connection. */
class ChangeFeedTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final UUID BRIGHTSIDE = TestWorkspace.orgId("Brightside Physiotherapy");

    @org.junit.jupiter.api.AfterEach
    void removeTestCalls() {
        TestCalls.deleteAll();
    }

    private static ChangeFeed feed(String slug, String appName, AtomicBoolean down) {
        var db = TestWorkspace.as(slug, "user");
        return new ChangeFeed(() -> {
            if (down.get()) {
                throw new SQLException("the network is down (test)", "08006");
            }
            return db.openDedicated(appName);
        });
    }

    private static List<UUID> idsOf(List<Change> batch) {
        return batch.stream().filter(c -> c.table().equals("calls")).flatMap(c -> c.ids().stream()).toList();
    }

    private static boolean awaitConnected(ChangeFeed feed) throws InterruptedException {
        for (int i = 0; i < 100 && !feed.connected(); i++) {
            Thread.sleep(50);
        }
        return feed.connected();
    }

    @Test
    void aNewCallArrivesAsItsIdOnlyAndAnotherOrganizationsCallsNever() throws Exception {
        LinkedBlockingQueue<List<Change>> received = new LinkedBlockingQueue<>();
        try (ChangeFeed feed = feed("harley", "voxconsole-live-a", new AtomicBoolean()).start()) {
            feed.subscribe(Set.of("calls"), received::add);
            assertThat(awaitConnected(feed)).isTrue();

            UUID theirs = TestCalls.insert(BRIGHTSIDE);
            long started = System.nanoTime();
            UUID ours = TestCalls.insert(HARLEY);
            List<Change> batch = received.poll(10, TimeUnit.SECONDS);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("live feed: a new call reached the subscriber %d ms after its insert committed%n", millis);
            assertThat(batch).as("the call arrives").isNotNull();
            assertThat(batch).singleElement().satisfies(c -> {
                assertThat(c.op()).isEqualTo('I');
                assertThat(c.ids()).containsExactly(ours);
            });
            // Notices arrive in commit order: Brightside's insert came first, so had it been delivered, it would be here by now.
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("nothing of another organization").isNull();
            assertThat(idsOf(batch)).doesNotContain(theirs);
        }
    }

    @Test
    void aLoginThatListensOnAnotherOrganizationsChannelLearnsOnlyAnIdItCannotRead() throws Exception {
        Jdbi harley = TestWorkspace.as("harley", "user").jdbi();
        assertThat(com.voxanne.ops.security.Attempt.count(harley, "select count(*) from voxconsole.change_channel('" + BRIGHTSIDE + "')").refused())
                .as("a console cannot work out another organization's channel").isTrue();
        assertThat(com.voxanne.ops.security.Attempt.count(harley, "select count(*) from voxconsole.change_channel_secret").refused()).isTrue();
        // Suppose it learnt the name anyway: the payload is a table, an operation and an id, and the id leads nowhere.
        String theirChannel = TestWorkspace.owner().withHandle(h -> h.createQuery("select voxconsole.change_channel(:o)")
                .bind("o", BRIGHTSIDE).mapTo(String.class).one());
        try (Connection c = TestWorkspace.as("harley", "user").openDedicated("voxconsole-snoop")) {
            c.createStatement().execute("listen \"" + theirChannel + "\"");
            UUID theirs = TestCalls.insert(BRIGHTSIDE);
            org.postgresql.PGNotification[] notes = c.unwrap(org.postgresql.PGConnection.class).getNotifications(5_000);
            assertThat(notes).hasSize(1);
            var payload = new com.fasterxml.jackson.databind.ObjectMapper().readTree(notes[0].getParameter());
            assertThat(payload.fieldNames()).toIterable().containsExactlyInAnyOrder("t", "op", "ids");
            assertThat(payload.toString()).doesNotContain("Live Test Caller").doesNotContain("+44");
            int visible = harley.withHandle(h -> h.createQuery("select count(*) from calls where id = :id").bind("id", theirs).mapTo(Integer.class).one());
            assertThat(visible).as("the row stays invisible under Harley's role").isZero();
        }
    }

    @Test
    void afterALostConnectionItReconnectsAndCatchesUpOnWhatItMissed() throws Exception {
        LinkedBlockingQueue<List<Change>> received = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Boolean> status = new LinkedBlockingQueue<>();
        AtomicBoolean down = new AtomicBoolean();
        try (ChangeFeed feed = feed("harley", "voxconsole-live-b", down).start()) {
            feed.subscribe(Set.of("calls"), received::add);
            feed.onStatus(status::add);
            assertThat(status.poll(10, TimeUnit.SECONDS)).isTrue();

            down.set(true);
            int killed = TestWorkspace.owner().withHandle(h -> h.createQuery(
                    "select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = 'voxconsole-live-b'").mapTo(Integer.class).one());
            assertThat(killed).isEqualTo(1);
            assertThat(status.poll(10, TimeUnit.SECONDS)).as("the feed noticed").isFalse();
            UUID missed = TestCalls.insert(HARLEY);
            Thread.sleep(600);
            assertThat(received).as("nothing can arrive while the connection is down").isEmpty();

            down.set(false);
            assertThat(status.poll(15, TimeUnit.SECONDS)).as("reconnected").isTrue();
            List<UUID> caughtUp = new java.util.ArrayList<>();
            for (List<Change> batch = received.poll(10, TimeUnit.SECONDS); batch != null && !caughtUp.contains(missed);
                 batch = received.poll(2, TimeUnit.SECONDS)) {
                caughtUp.addAll(idsOf(batch));
            }
            assertThat(caughtUp).as("the call inserted while away").contains(missed);

            UUID after = TestCalls.insert(HARLEY);
            List<UUID> live = new java.util.ArrayList<>();
            for (List<Change> batch = received.poll(10, TimeUnit.SECONDS); batch != null && !live.contains(after);
                 batch = received.poll(2, TimeUnit.SECONDS)) {
                live.addAll(idsOf(batch));
            }
            assertThat(live).as("and it listens again").contains(after);
        }
    }
}
