package com.voxanne.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestCalls;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.quality.ReviewQueueService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alerts list with same-thread executors, on the demo data as of its anchor day. */
class AlertsViewModelTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final Clock AT_ANCHOR = Clock.fixed(TestWorkspace.ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    private final List<Alert> notified = new ArrayList<>();
    private final List<CallFilter> drilled = new ArrayList<>();

    private AlertsViewModel model(String role) {
        AlertsViewModel m = new AlertsViewModel(new AlertService(TestWorkspace.as("harley", role).jdbi(), com.voxanne.ops.TestWorkspace.columns()), Runnable::run, Runnable::run, ORG,
                ZoneId.of("Europe/London"), !role.equals("user"), AT_ANCHOR, drilled::add);
        m.setNotifier(notified::add);
        m.periodProperty().set(AlertsViewModel.Period.WEEK);
        return m;
    }

    @AfterEach
    void cleanUp() {
        TestCalls.deleteAll();
    }

    @Test
    void theWeekBeforeTheAnchorHasAlertsOfEveryKindNewestFirstWithAnUnreadCount() {
        AlertsViewModel m = model("user");
        m.refresh();
        assertThat(m.alerts()).isNotEmpty();
        assertThat(m.alerts()).extracting(Alert::kind).contains(Alert.Kind.URGENT_CALL, Alert.Kind.UNHAPPY_CALL);
        assertThat(m.alerts()).isSortedAccordingTo(java.util.Comparator.comparing(Alert::createdAt).reversed());
        assertThat(m.unacknowledgedCount().get()).isEqualTo((int) m.alerts().stream().filter(a -> !a.acknowledged()).count());
        assertThat(notified).as("the first load pops nothing up").isEmpty();
        assertThat(m.alerts()).allSatisfy(a -> {
            if (a.kind() == Alert.Kind.UNHAPPY_CALL) {
                assertThat(a.sentimentScore()).isLessThan(new BigDecimal("0.30"));
            }
        });

        int unhappy = (int) m.alerts().stream().filter(a -> a.kind() == Alert.Kind.UNHAPPY_CALL).count();
        m.negativeBelowProperty().set(new BigDecimal("0.45"));
        assertThat(m.alerts().stream().filter(a -> a.kind() == Alert.Kind.UNHAPPY_CALL).count())
                .as("a higher threshold flags more unhappy callers").isGreaterThan(unhappy);

        assertThat(m.canAcknowledge().get()).isFalse();
        m.selectedProperty().set(m.alerts().get(0));
        assertThat(m.canAcknowledge().get()).as("users read alerts; they do not acknowledge them").isFalse();
        m.openCalls();
        assertThat(drilled).hasSize(1);
    }

    @Test
    void aLiveUrgentCallWaitsBehindThePillPopsUpOnceAndAManagerAcknowledgesIt() {
        AlertsViewModel m = model("manager");
        m.refresh();
        int before = m.unacknowledgedCount().get();
        UUID call = TestCalls.insert(ORG);
        m.onChanges(List.of(new Change("calls", 'I', List.of(call), false)));
        assertThat(notified).as("an in-progress call without sentiment is no alert").isEmpty();

        makeUrgent(call);
        m.onChanges(List.of(new Change("calls", 'U', List.of(call), false)));
        assertThat(m.alerts()).extracting(Alert::id).doesNotContain(call);
        assertThat(m.arrivedCount().get()).isEqualTo(1);
        assertThat(notified).singleElement().satisfies(a -> assertThat(a.reason()).contains("severe pain"));
        assertThat(m.unacknowledgedCount().get()).as("counted on the rail while it waits").isEqualTo(before + 1);

        m.onChanges(List.of(new Change("calls", 'U', List.of(call), false)));
        assertThat(notified).as("told once").hasSize(1);
        assertThat(m.arrivedCount().get()).as("held once").isEqualTo(1);

        m.showArrived();
        assertThat(m.arrivedCount().get()).isZero();
        assertThat(m.alerts().get(0).id()).isEqualTo(call);
        assertThat(m.alerts().get(0).kind()).isEqualTo(Alert.Kind.URGENT_CALL);
        m.selectedProperty().set(m.alerts().get(0));
        m.acknowledge();
        assertThat(m.messageProperty().get()).isEqualTo("Acknowledged.");
        assertThat(m.alerts().get(0).acknowledged()).isTrue();
        assertThat(m.alerts().get(0).acknowledgedBy()).isNotBlank();
        assertThat(m.unacknowledgedCount().get()).isEqualTo(before);
        assertThat(m.canAcknowledge().get()).isFalse();
    }

    /**
     * Issue 15: a supervisor points at the third alert as new ones arrive. The rows stay where they
     * are, so the one under the pointer is still the one they chose, and Acknowledge acts on it.
     */
    @Test
    void aManagerSendsAnAlertsCallToReviewAndTheDatabaseRefusesAUser() {
        AlertsViewModel manager = model("manager");
        assertThat(manager.maySendToReview()).as("without a sender, no button").isFalse();
        ReviewQueueService queue = new ReviewQueueService(TestWorkspace.as("harley", "manager").jdbi());
        manager.setReviewSender(call -> queue.send(call, null));
        manager.refresh();
        String queued = "select count(*) from voxconsole.review_queue where call_id = ?";
        // A call the demo did not queue already (it sends a few unhappy calls itself).
        Alert unhappy = manager.alerts().stream().filter(a -> a.kind() == Alert.Kind.UNHAPPY_CALL)
                .filter(a -> TestWorkspace.owner().withHandle(h -> h.createQuery(queued).bind(0, a.callId()).mapTo(Integer.class).one()) == 0)
                .findFirst().orElseThrow();
        String count = "select count(*) from voxconsole.review_queue where call_id = ? and reasons = array['sent'] and sent_by is not null";
        try {
            manager.selectedProperty().set(unhappy);
            manager.sendToReview();
            assertThat(manager.messageProperty().get()).isEqualTo("Sent the call to review: it waits in the Review queue.");
            int sent = TestWorkspace.owner().withHandle(h -> h.createQuery(count).bind(0, unhappy.callId()).mapTo(Integer.class).one());
            assertThat(sent).isEqualTo(1);

            // Were a user's console to offer it, the database would still say no.
            AlertsViewModel user = model("user");
            ReviewQueueService theirs = new ReviewQueueService(TestWorkspace.as("harley", "user").jdbi());
            user.setReviewSender(call -> theirs.send(call, null));
            user.refresh();
            user.selectedProperty().set(user.alerts().stream().filter(a -> unhappy.callId().equals(a.callId())).findFirst().orElseThrow());
            user.sendToReview();
            assertThat(user.messageProperty().get()).isEqualTo("You are not allowed to do that: your role does not have the right.");
        } finally {
            TestWorkspace.owner().useHandle(h -> h.execute("delete from voxconsole.review_queue where call_id = ? and reasons = array['sent']",
                    unhappy.callId()));
        }
    }

    @Test
    void newAlertsNeverMoveTheRowUnderThePointer() {
        // Alerts of the test's own on top, so acknowledging one changes nothing the other tests count.
        List<UUID> earlier = List.of(TestCalls.insert(ORG), TestCalls.insert(ORG), TestCalls.insert(ORG));
        earlier.forEach(this::makeUrgent);
        AlertsViewModel m = model("manager");
        m.refresh();
        List<UUID> shown = m.alerts().stream().map(Alert::id).toList();
        Alert chosen = m.alerts().get(2);
        assertThat(earlier).contains(chosen.id());
        int row = m.alerts().indexOf(chosen);
        m.selectedProperty().set(chosen);

        List<UUID> arriving = List.of(TestCalls.insert(ORG), TestCalls.insert(ORG), TestCalls.insert(ORG));
        arriving.forEach(this::makeUrgent);
        m.onChanges(List.of(new Change("calls", 'I', arriving, false)));

        assertThat(m.alerts().stream().map(Alert::id).toList()).as("the list as it was, row for row").isEqualTo(shown);
        assertThat(m.alerts().get(row).id()).as("the row under the pointer").isEqualTo(chosen.id());
        assertThat(m.arrivedCount().get()).isEqualTo(3);
        assertThat(notified).hasSize(3);
        m.acknowledge();
        assertThat(m.alerts().get(row).id()).isEqualTo(chosen.id());
        assertThat(m.alerts().get(row).acknowledged()).as("the chosen alert was acknowledged").isTrue();
        int newOnesAcknowledged = TestWorkspace.owner().withHandle(h -> h.createQuery(
                        "select count(*) from voxconsole.acknowledgements where entity_id = any(:ids)")
                .bindArray("ids", UUID.class, arriving).mapTo(Integer.class).one());
        assertThat(newOnesAcknowledged).as("and none of the new ones").isZero();

        m.showArrived();
        assertThat(m.alerts().subList(0, 3)).extracting(Alert::id).containsExactlyInAnyOrderElementsOf(arriving);
    }

    private void makeUrgent(UUID call) {
        TestWorkspace.owner().useHandle(h -> h.createUpdate("""
                update calls set status = 'completed', sentiment_label = 'negative', sentiment_score = 0.1, sentiment_urgency = 'critical',
                                 sentiment_summary = 'Caller in severe pain, wants a same-day appointment.' where id = :id""")
                .bind("id", call).execute());
    }
}
