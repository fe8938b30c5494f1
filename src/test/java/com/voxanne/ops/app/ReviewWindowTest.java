package com.voxanne.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.offline.ReviewNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * `voxconsole open FILE` in the real window: a colleague's bundle opens read-only, its check
 * finishes after the first page shows, the unknown signer can be trusted, and a reviewer note is
 * saved beside the bundle.
 */
class ReviewWindowTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private final FxRobot robot = new FxRobot();
    private javafx.application.Application application;
    private Path bundle;

    @BeforeEach
    void launch() throws Exception {
        Path dir = TestWorkspace.root().resolve("review-ui-" + UUID.randomUUID());
        // Exported by a colleague's installation: a key this console has never seen.
        InstallationKey colleague = InstallationKey.loadOrCreate(dir.resolve("colleague/installation-key"));
        bundle = dir.resolve("negative.voxbundle");
        new ExportService(TestWorkspace.as("harley", "manager").jdbi(), colleague).export(
                CallFilter.NONE.withSentimentLabels(Set.of("negative")).toQuery(HARLEY, ZoneId.of("Europe/London"), 500), Map.of(), false,
                bundle, new ExportService.Origin("demo_harley_manager", "Anna", "Harley Street Dental Clinic", HARLEY, "test"), n -> { }, () -> false);
        System.setProperty("voxconsole.home", dir.resolve("home").toString());
        System.setProperty("voxconsole.demo.calls", "200");
        System.setProperty("voxconsole.open.bundle", bundle.toString());
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(application);
        System.clearProperty("voxconsole.home");
        System.clearProperty("voxconsole.demo.calls");
        System.clearProperty("voxconsole.open.bundle");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aColleaguesBundleOpensCanBeTrustedAndTakesNotes() throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#callLog").tryQuery().isPresent()
                && !robot.lookup("#callLog").queryAs(TableView.class).getItems().isEmpty());
        Label badge = robot.lookup("#workspaceBadge").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> badge.getText().startsWith("offline review · signed by an unknown key"));
        // The notice is added by the same JavaFX task that set the badge: let that task finish.
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#unknownSignerNotice").tryQuery()).isPresent();
        Button export = robot.lookup("#exportCalls").queryAs(Button.class);
        assertThat(export.getTooltip().getText()).as("in review the toolbar exports notes, not calls").isEqualTo("Export the reviewer notes as CSV…");

        robot.clickOn("#trustSigner");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> badge.getText().equals("offline review · verified"));
        assertThat(robot.lookup("#unknownSignerNotice").tryQuery()).isEmpty();
        assertThat(window().getTitle()).endsWith("· offline review · verified");

        TableView<CallSummary> log = robot.lookup("#callLog").queryAs(TableView.class);
        robot.interact(() -> log.getSelectionModel().select(0));
        UUID call = log.getItems().get(0).id();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#reviewNoteText").tryQuery().map(n -> !n.isDisabled()).orElse(false));
        assertThat(robot.lookup("#evaluateCall").queryButton().isVisible()).as("offline the reviewer evaluates").isTrue();
        assertThat(robot.lookup("#sendToReview").queryButton().isVisible()).as("but sends nothing: every call of the bundle waits in its queue")
                .isFalse();
        robot.clickOn("#reviewNoteText").write("Consent to record was not asked.");
        robot.clickOn("#saveReviewNote");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#reviewNoteStatus").queryAs(Label.class).getText().startsWith("Saved "));
        assertThat(ReviewNotes.load(bundle).note(call).orElseThrow().text()).isEqualTo("Consent to record was not asked.");
        assertThat(Files.readString(bundle.resolveSibling("home").resolve("data/trusted-keys.txt"))).contains("exported by Anna");
    }

    private javafx.stage.Stage window() {
        return (javafx.stage.Stage) robot.listTargetWindows().stream().filter(w -> w instanceof javafx.stage.Stage s && s.isShowing())
                .findFirst().orElseThrow();
    }
}
