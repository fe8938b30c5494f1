package com.voxanne.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallSummary;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real console, headless (Monocle), on its own demo workspace: sign in with one click, search
 * the call log, open a call and find the word in its transcript, go back, drill down from a
 * sentiment chart into its calls, change an appointment as a manager, sign out; then as a user,
 * find no way to change one.
 */
class ConsoleWindowSmokeTest {

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application application;

    @BeforeEach
    void launch() throws Exception {
        System.setProperty("voxconsole.home", TestWorkspace.root().resolve("ui-" + UUID.randomUUID()).toString());
        System.setProperty("voxconsole.demo.calls", "1500");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);
    }

    @AfterEach
    void close() throws Exception {
        // Calls ConsoleApplication.stop(), which signs out and shuts the demo server down.
        FxToolkit.cleanupApplication(application);
        System.clearProperty("voxconsole.home");
        System.clearProperty("voxconsole.demo.calls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void signInSearchOpenACallFindInItsTranscriptAndSignOut() throws Exception {
        assertThat(window().getTitle()).isEqualTo("Voxanne Ops Console");
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#callLog").tryQuery().isPresent()
                && !robot.lookup("#callLog").queryAs(TableView.class).getItems().isEmpty());
        assertThat(window().getTitle()).contains("Harley Street Dental Clinic (manager)");
        assertThat(robot.lookup("#signedInRole").queryAs(Label.class).getText()).isEqualTo("manager");
        assertThat(robot.lookup("#fileMenu").queryAs(javafx.scene.control.MenuButton.class).getItems())
                .extracting(javafx.scene.control.MenuItem::getId).containsExactly("menuOpenBundle", "menuImportReviews", "menuExport", null, "menuKeyboard");

        robot.clickOn("#callSearch").write("refund").type(KeyCode.ENTER);
        TableView<CallSummary> log = robot.lookup("#callLog").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filterChips").queryAs(FlowPane.class).getChildren().size() == 1
                && !log.getItems().isEmpty());
        robot.interact(() -> log.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#transcriptMatchCount").tryQuery().isPresent()
                && robot.lookup("#transcriptMatchCount").queryAs(Label.class).getText().startsWith("1 of "));

        robot.clickOn("#filterBack");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#filterChips").queryAs(FlowPane.class).getChildren().isEmpty());

        robot.clickOn("#nav-sentiment");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#sentimentMix .chart-bar").tryQuery().isPresent());
        javafx.scene.Node bar = robot.lookup("#sentimentMix .chart-bar").query();
        robot.clickOn(bar, javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#callsWorkspace").tryQuery().map(n -> n.getScene() != null).orElse(false)
                && robot.lookup("#filterChips .button").queryAll().stream()
                        .anyMatch(b -> ((javafx.scene.control.Button) b).getText().startsWith("Sentiment: ")));

        robot.clickOn("#nav-appointments");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#editStatus").tryQuery().map(n -> n.isVisible()).orElse(false));
        javafx.scene.control.ComboBox<String> status = robot.lookup("#editStatus").queryAs(javafx.scene.control.ComboBox.class);
        String next = "cancelled".equals(status.getValue()) ? "scheduled" : "cancelled";
        robot.interact(() -> status.setValue(next));
        robot.clickOn("#saveAppointment");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> "Saved.".equals(robot.lookup("#appointmentMessage").queryAs(Label.class).getText()));

        // Ctrl+F goes to the search of the workspace on screen (issue 15: in Contacts it went to the hidden call log's).
        robot.clickOn("#nav-contacts");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#contactSearch").tryQuery().map(javafx.scene.Node::isVisible).orElse(false));
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#contactSearch").query().isFocused());
        robot.clickOn("#nav-calls");
        robot.push(KeyCode.CONTROL, KeyCode.F);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#callSearch").query().isFocused());
        // Esc in the search field clears it and gives the keys back to the log.
        robot.write("refund");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#callLog").query().isFocused());
        assertThat(robot.lookup("#callSearch").queryAs(javafx.scene.control.TextField.class).getText()).isEmpty();
        // F1 shows every key on one sheet; Esc closes it.
        robot.push(KeyCode.F1);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#keyboardSheet").tryQuery().isPresent());
        assertThat(robot.lookup(".key-cap").queryAllAs(Label.class)).extracting(Label::getText).contains("J / K", "F1", "Esc");
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#keyboardSheet").tryQuery().isEmpty());

        robot.clickOn("#signOut");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#openDemo").tryQuery().isPresent());
        assertThat(window().getTitle()).isEqualTo("Voxanne Ops Console");

        // A user reads appointments but gets no way to change them.
        javafx.scene.control.ComboBox<com.voxanne.ops.demo.DemoLoginSpec> demo =
                robot.lookup("#demoLogin").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> demo.setValue(demo.getItems().stream().filter(l -> l.loginRole().equals("demo_harley_user")).findFirst().orElseThrow()));
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#signedInRole").tryQuery()
                .map(l -> "user".equals(((Label) l).getText())).orElse(false));
        // The rail of the window now shown (a loaded machine may still hold the signed-out view's nodes for a pulse).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#nav-appointments").queryAll().stream()
                .anyMatch(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup("#nav-appointments").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing())
                .findFirst().orElseThrow(), javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#editStatus").tryQuery().map(n -> n.isVisible()).orElse(false));
        assertThat(robot.lookup("#saveAppointment").tryQuery()).isEmpty();
        assertThat(robot.lookup("#editStatus").query().isDisabled()).isTrue();

        // The month is a grid of days; a day opens its agenda.
        robot.clickOn("#spanMONTH");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".month-day").queryAll().size() >= 28);
        assertThat(robot.lookup("#agenda").query().isVisible()).isFalse();
        assertThat(robot.lookup("#appointmentsHint").queryAs(Label.class).getText()).contains("appointments this month");
        javafx.scene.control.Button busy = robot.lookup(".month-day").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> !b.getStyleClass().contains("quiet")).findFirst().orElseThrow();
        String day = busy.getId().substring("day-".length());
        robot.clickOn(busy);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#agenda").query().isVisible()
                && !robot.lookup("#agenda").queryListView().getItems().isEmpty());
        assertThat(robot.lookup("#agendaTitle").queryAs(Label.class).getText())
                .isEqualTo(java.time.LocalDate.parse(day).format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", java.util.Locale.UK)));
        assertThat(robot.lookup("#spanDAY").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).as("the span buttons follow").isTrue();
    }

    private Stage window() {
        return robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()).map(Stage.class::cast)
                .filter(s -> s.getTitle() != null && s.getTitle().startsWith(ConsoleApplication.TITLE)).findFirst().orElseThrow();
    }
}
