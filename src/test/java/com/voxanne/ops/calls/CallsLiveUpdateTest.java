package com.voxanne.ops.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestCalls;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.live.ChangeFeed;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Live calls in the call log's view model: new calls take their place without moving what the
 * person looks at, changed ones are read again through the filter, deleted ones leave.
 */
class CallsLiveUpdateTest {

    private static final UUID ORG = TestWorkspace.orgId("Harley Street Dental Clinic");
    private final CallLogService service = new CallLogService(TestWorkspace.as("harley", "user").jdbi());

    private CallsViewModel model() {
        return new CallsViewModel(service, Runnable::run, Runnable::run, ORG, ZoneId.of("Europe/London"));
    }

    @AfterEach
    void cleanUp() {
        TestCalls.deleteAll();
    }

    private static Change inserted(UUID id) {
        return new Change("calls", 'I', List.of(id), false);
    }

    /**
     * A call announced while the log's first page is on its way: the page may have been read before
     * the call was committed (it lacks it) or after (it holds it). Either way, and whichever answer
     * reaches the JavaFX thread first, the call is in the log exactly once.
     */
    @Test
    void aCallAnnouncedWhileTheFirstPageIsOnItsWayIsShownOnce() {
        for (boolean pageHoldsIt : List.of(false, true)) {
            List<Runnable> held = new java.util.ArrayList<>();
            CallsViewModel model = new CallsViewModel(service, Runnable::run, held::add, ORG, ZoneId.of("Europe/London"));
            UUID id = pageHoldsIt ? TestCalls.insert(ORG) : null;
            model.refresh();
            if (!pageHoldsIt) {
                id = TestCalls.insert(ORG);
            }
            model.onChanges(List.of(inserted(id)));
            assertThat(held).as("the page's answer and the announced call's").hasSize(2);
            held.get(1).run();
            held.get(0).run();
            UUID call = id;
            assertThat(model.rows().stream().filter(r -> r.id().equals(call)).count()).as("page holds it: %s", pageHoldsIt).isEqualTo(1);
            assertThat(model.rows().get(0).id()).isEqualTo(call);
            assertThat(model.rows()).extracting(CallSummary::id).doesNotHaveDuplicates();
            TestCalls.deleteAll();
        }
    }

    @Test
    void atTheTopANewCallSimplyAppearsFirst() {
        CallsViewModel model = model();
        model.refresh();
        UUID oldFirst = model.rows().get(0).id();
        UUID id = TestCalls.insert(ORG);
        model.onChanges(List.of(inserted(id)));
        assertThat(model.rows().get(0).id()).isEqualTo(id);
        assertThat(model.rows().get(1).id()).isEqualTo(oldFirst);
        assertThat(model.newCallsAboveProperty().get()).as("it is in sight: no pill").isZero();
        assertThat(model.shiftedAboveProperty().get()).isZero();
    }

    @Test
    void scrolledDownTheNewCallGoesAboveKeepsThePlaceAndTheSelectionAndShowsInThePill() {
        CallsViewModel model = model();
        model.refresh();
        model.setFirstVisibleRow(() -> 40);
        CallSummary looking = model.rows().get(40);
        model.selectedProperty().set(model.rows().get(45));
        UUID first = TestCalls.insert(ORG);
        UUID second = TestCalls.insert(ORG);
        model.onChanges(List.of(new Change("calls", 'I', List.of(first, second), false)));
        assertThat(model.rows().subList(0, 2)).extracting(CallSummary::id).containsExactlyInAnyOrder(first, second);
        assertThat(model.shiftedAboveProperty().get()).as("the view scrolls down by two to keep the same call in sight").isEqualTo(2);
        assertThat(model.rows().get(42)).isEqualTo(looking);
        assertThat(model.newCallsAboveProperty().get()).isEqualTo(2);
        assertThat(model.selectedProperty().get().id()).isEqualTo(model.rows().get(47).id());

        model.showNewest();
        assertThat(model.newCallsAboveProperty().get()).isZero();
    }

    /** After the database did not answer for a while: no reload to the top, what changed meanwhile merged in place. */
    @Test
    void afterAnOutageTheLogCatchesUpWithoutLosingThePlaceOrTheSelection() {
        CallsViewModel model = model();
        model.refresh();
        model.setFirstVisibleRow(() -> 30);
        CallSummary looking = model.rows().get(30);
        CallSummary selected = model.rows().get(33);
        model.selectedProperty().set(selected);
        UUID changed = model.rows().subList(40, model.rows().size()).stream().filter(r -> "completed".equals(r.status())).findFirst()
                .orElseThrow().id();
        String status = "completed";
        // Meanwhile, with no notice reaching the console: a new call, and a call changed further down.
        UUID arrived = TestCalls.insert(ORG);
        TestWorkspace.owner().useHandle(h -> h.createUpdate("update calls set status = 'failed' where id = :id").bind("id", changed).execute());
        try {
            model.catchUp();
            assertThat(model.rows().get(0).id()).isEqualTo(arrived);
            assertThat(model.rows().get(31)).as("the call in sight moved down by the one above it").isEqualTo(looking);
            assertThat(model.shiftedAboveProperty().get()).isEqualTo(1);
            assertThat(model.newCallsAboveProperty().get()).isEqualTo(1);
            assertThat(model.selectedProperty().get().id()).isEqualTo(selected.id());
            assertThat(model.rows().stream().filter(r -> r.id().equals(changed)).findFirst().orElseThrow().status()).isEqualTo("failed");
        } finally {
            TestWorkspace.owner().useHandle(h -> h.createUpdate("update calls set status = :s where id = :id").bind("s", status).bind("id", changed)
                    .execute());
        }
    }

    @Test
    void theFilterDecidesAndAChangeThatNoLongerMatchesLeavesTheLog() {
        CallsViewModel model = model();
        model.apply(CallFilter.NONE.withStatuses(Set.of("in_progress")));
        int before = model.rows().size();
        UUID id = TestCalls.insert(ORG);
        model.onChanges(List.of(inserted(id)));
        assertThat(model.rows()).hasSize(before + 1).extracting(CallSummary::id).contains(id);

        TestWorkspace.owner().useHandle(h -> h.createUpdate("update calls set status = 'completed', duration_seconds = 95 where id = :id")
                .bind("id", id).execute());
        model.onChanges(List.of(new Change("calls", 'U', List.of(id), false)));
        assertThat(model.rows()).as("completed: no longer in an in-progress log").hasSize(before).extracting(CallSummary::id).doesNotContain(id);

        model.apply(CallFilter.NONE.withDirections(Set.of("outbound")));
        UUID inbound = TestCalls.insert(ORG);
        model.onChanges(List.of(inserted(inbound)));
        assertThat(model.rows()).extracting(CallSummary::id).doesNotContain(inbound);
    }

    @Test
    void aChangedCallIsReplacedInPlaceAndADeletedOneLeaves() {
        CallsViewModel model = model();
        model.refresh();
        UUID id = TestCalls.insert(ORG);
        model.onChanges(List.of(inserted(id)));
        TestWorkspace.owner().useHandle(h -> h.createUpdate(
                "update calls set status = 'completed', sentiment_label = 'negative', sentiment_urgency = 'critical', sentiment_score = 0.1 where id = :id")
                .bind("id", id).execute());
        model.onChanges(List.of(new Change("calls", 'U', List.of(id), false)));
        assertThat(model.rows().get(0)).satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.sentimentUrgency()).isEqualTo("critical");
        });
        TestWorkspace.owner().useHandle(h -> h.createUpdate("delete from calls where id = :id").bind("id", id).execute());
        model.onChanges(List.of(new Change("calls", 'D', List.of(id), false)));
        assertThat(model.rows()).extracting(CallSummary::id).doesNotContain(id);
    }

    @Test
    void aBulkChangeOffersToReload() {
        CallsViewModel model = model();
        model.refresh();
        model.onChanges(List.of(new Change("calls", 'U', List.of(), true)));
        assertThat(model.reloadSuggestedProperty().get()).isTrue();
        model.showNewest();
        assertThat(model.reloadSuggestedProperty().get()).isFalse();
    }

    @Test
    void aCallInsertedFromAnotherConnectionReachesTheViewModelThroughTheFeed() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        CallsViewModel model = new CallsViewModel(service, Runnable::run, ui, ORG, ZoneId.of("Europe/London"));
        var db = TestWorkspace.as("harley", "user");
        try (ChangeFeed feed = new ChangeFeed(() -> db.openDedicated("voxconsole-live-vm"))) {
            feed.subscribe(Set.of("calls"), changes -> ui.execute(() -> model.onChanges(changes)));
            feed.start();
            ui.submit(model::refresh).get();
            for (int i = 0; i < 100 && !feed.connected(); i++) {
                Thread.sleep(50);
            }
            long started = System.nanoTime();
            UUID id = TestCalls.insert(ORG);
            boolean arrived = false;
            while (!arrived && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(10);
                arrived = ui.submit(() -> !model.rows().isEmpty() && model.rows().get(0).id().equals(id)).get();
            }
            System.out.printf("live feed: a new call was first in the view model's log %d ms after its insert%n",
                    (System.nanoTime() - started) / 1_000_000);
            assertThat(arrived).isTrue();
        } finally {
            ui.shutdownNow();
        }
    }
}
