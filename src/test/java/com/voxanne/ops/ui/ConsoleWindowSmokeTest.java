package com.voxanne.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.workspace.EmbeddedWorkspace;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real console window, headless (Monocle): it opens, starts its demo workspace without blocking, and lists the logins. */
class ConsoleWindowSmokeTest {

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application application;

    @BeforeEach
    void launch() throws Exception {
        System.setProperty("voxconsole.home", TestWorkspace.root().resolve("ui-" + UUID.randomUUID()).toString());
        System.setProperty("voxconsole.demo.calls", "300");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);
    }

    @AfterEach
    void close() throws Exception {
        // Calls ConsoleApplication.stop(), which shuts the workspace's server down.
        FxToolkit.cleanupApplication(application);
        System.clearProperty("voxconsole.home");
        System.clearProperty("voxconsole.demo.calls");
    }

    @Test
    @SuppressWarnings("unchecked")
    void opensAndShowsTheDemoLoginsOnceTheWorkspaceIsReady() throws Exception {
        Stage window = robot.listTargetWindows().stream().filter(w -> w instanceof Stage s && s.isShowing())
                .map(Stage.class::cast).filter(s -> ConsoleApplication.TITLE.equals(s.getTitle())).findFirst().orElseThrow();
        assertThat(window.getTitle()).isEqualTo("Voxanne Ops Console");
        Label status = robot.lookup("#workspaceStatus").queryAs(Label.class);
        // The window is up and answering while the server starts in the background.
        assertThat(status.getText()).isNotBlank();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#demoLogins").queryAs(TableView.class).isVisible());
        TableView<EmbeddedWorkspace.DemoLogin> logins = robot.lookup("#demoLogins").queryAs(TableView.class);
        assertThat(logins.getItems()).hasSize(6);
        assertThat(status.getText()).isEqualTo("Demo workspace ready: sign in with one of these logins.");
        assertThat(robot.lookup("#serverAddress").queryAs(Label.class).getText()).startsWith("Server: jdbc:postgresql://127.0.0.1:");
    }
}
