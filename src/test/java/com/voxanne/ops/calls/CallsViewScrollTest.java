package com.voxanne.ops.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real call log, headless: scrolling to the bottom of a log longer than the window and back keeps memory flat and order intact. */
class CallsViewScrollTest {

    private final FxRobot robot = new FxRobot();

    @Test
    @SuppressWarnings("unchecked")
    void scrollingToTheBottomAndBackSlidesTheWindow() throws Exception {
        UUID org = TestWorkspace.orgId("Harley Street Dental Clinic");
        List<UUID> expected = TestWorkspace.owner().withHandle(h -> h.createQuery(
                "select id from calls where org_id = :o order by created_at desc, id desc").bind("o", org).mapTo(UUID.class).list());
        var background = Executors.newSingleThreadExecutor();
        FxToolkit.registerPrimaryStage();
        CallsViewModel model = new CallsViewModel(new CallLogService(TestWorkspace.as("harley", "user").jdbi()), background, Platform::runLater,
                org, ZoneId.of("Europe/London"));
        FxToolkit.setupStage((Stage stage) -> {
            stage.setScene(new Scene(new CallsView(model, url -> { }), 1280, 800));
            stage.show();
        });
        try {
            robot.interact(model::refresh);
            TableView<CallSummary> log = robot.lookup("#callLog").queryAs(TableView.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !log.getItems().isEmpty());
            for (int i = 0; i < 200 && !model.endReachedProperty().get(); i++) {
                robot.interact(() -> log.scrollTo(log.getItems().size() - 1));
                WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(model.endReachedProperty().get()).isTrue();
            assertThat(log.getItems().size()).isLessThanOrEqualTo(CallsViewModel.WINDOW);
            assertThat(log.getItems().get(log.getItems().size() - 1).id()).isEqualTo(expected.get(expected.size() - 1));
            assertThat(model.atHeadProperty().get()).isFalse();

            for (int i = 0; i < 200 && !model.atHeadProperty().get(); i++) {
                robot.interact(() -> log.scrollTo(0));
                WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
            }
            assertThat(model.atHeadProperty().get()).isTrue();
            assertThat(log.getItems().get(0).id()).isEqualTo(expected.get(0));
            int start = expected.indexOf(log.getItems().get(0).id());
            assertThat(log.getItems().stream().map(CallSummary::id).toList())
                    .containsExactlyElementsOf(expected.subList(start, start + log.getItems().size()));
        } finally {
            FxToolkit.cleanupStages();
            background.shutdownNow();
        }
    }
}
