package com.voxanne.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.quality.AnswerType;
import com.voxanne.ops.quality.StarterForms;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 17's loop in the real window, headless, as a manager of the demo clinic: a call is sent
 * to review from the call log, Review takes it with N, the keyboard answers the whole form and
 * pins a comment to a turn, Ctrl+Enter submits, and the evaluation is counted in Quality.
 */
class EvaluateCallInWindowTest {

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application application;

    @BeforeEach
    void launch() throws Exception {
        System.setProperty("voxconsole.home", TestWorkspace.root().resolve("evaluate-ui-" + UUID.randomUUID()).toString());
        System.setProperty("voxconsole.demo.calls", "1500");
        System.setProperty("voxconsole.demo.traffic", "off");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(application);
        for (String p : List.of("voxconsole.home", "voxconsole.demo.calls")) {
            System.clearProperty(p);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aManagerSendsACallToReviewScoresItByKeyboardAndSeesItCounted() throws Exception {
        javafx.scene.control.ComboBox<com.voxanne.ops.demo.DemoLoginSpec> demo =
                robot.lookup("#demoLogin").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> demo.setValue(demo.getItems().stream().filter(l -> l.loginRole().equals("demo_harley_manager")).findFirst().orElseThrow()));
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#callLog").tryQuery().isPresent()
                && !robot.lookup("#callLog").queryAs(TableView.class).getItems().isEmpty());

        // The quality results before: how many evaluations the last 30 days count.
        robot.clickOn("#nav-quality");
        Label evaluations = robot.lookup("#qualityEvaluationsValue").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> evaluations.getText().matches("[\\d,]+"));
        int before = Integer.parseInt(evaluations.getText().replace(",", ""));

        // From the call log: the newest completed call, sent to review.
        robot.clickOn("#nav-calls");
        TableView<CallSummary> log = robot.lookup("#callLog").queryAs(TableView.class);
        robot.interact(() -> log.getSelectionModel().select(log.getItems().stream().filter(c -> "completed".equals(c.status())).findFirst()
                .orElseThrow()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sendToReview").tryQuery().map(n -> n.isVisible()).orElse(false));
        robot.clickOn("#sendToReview");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> robot.lookup("#callReview").queryAs(javafx.scene.layout.VBox.class)
                .lookupAll(".label").stream().anyMatch(l -> ((Label) l).getText().startsWith("Sent to review")));

        // Review: N takes the oldest waiting call (the demo's queue, then the one just sent); answer whatever comes.
        robot.clickOn("#nav-review");
        ListView<?> queue = robot.lookup("#reviewQueue").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !queue.getItems().isEmpty());
        long started = System.nanoTime();
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#question1").tryQuery().map(n -> n.isVisible()).orElse(false));
        for (StarterForms.Question q : StarterForms.forKind("clinic").orElseThrow().questions()) {
            robot.type(q.type() == AnswerType.YES_NO ? KeyCode.Y : q.type() == AnswerType.SCALE_1_5 ? KeyCode.DIGIT4 : KeyCode.DIGIT1);
        }
        Label progress = robot.lookup("#evaluationMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> progress.getText().startsWith("All answered"));

        // A comment pinned to the first turn: select it, C, type, Enter.
        ListView<?> turns = robot.lookup("#evaluationTranscript").queryAs(ListView.class);
        robot.interact(() -> turns.getSelectionModel().select(0));
        robot.type(KeyCode.C);
        robot.write("Named the clinic at once.");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> progress.getText().equals("Comment pinned to turn 1."));

        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        Label status = robot.lookup("#evaluationStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> "Submitted".equals(status.getText()));
        System.out.printf("evaluate in the window: taken, 9 answers, a pinned comment and submitted in %.1f s of robot time%n",
                (System.nanoTime() - started) / 1e9);
        assertThat(robot.lookup("#evaluationScore").queryAs(Label.class).getText()).matches("Score \\d+(\\.\\d)?, .*");
        Label today = robot.lookup("#reviewToday").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> today.getText().matches("Today: .* 1 \\(\\d passed\\).*"));
        assertThat(turns.lookupAll(".turn-note")).as("the pinned comment shows under its turn").isNotEmpty();

        robot.clickOn("#nav-quality");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> evaluations.getText().equals(String.valueOf(before + 1)));
    }
}
