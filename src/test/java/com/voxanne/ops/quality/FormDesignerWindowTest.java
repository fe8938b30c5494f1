package com.voxanne.ops.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The form designer in a real window, headless, as the demo clinic's admin: a blank form, a choice
 * question typed with its choices, a critical question added, Ctrl+S, and the database holds it.
 */
class FormDesignerWindowTest {

    private final FxRobot robot = new FxRobot();

    @Test
    @SuppressWarnings("unchecked")
    void anAdminDesignsAFormWithTheKeyboardAndSavesIt() throws Exception {
        Jdbi admin = QualityFixture.as("admin");
        String name = "Window test form " + UUID.randomUUID().toString().substring(0, 8);
        var background = Executors.newSingleThreadExecutor();
        FormDesignerViewModel model = new FormDesignerViewModel(new ScorecardService(admin), background, Platform::runLater, () -> { });
        FxToolkit.registerPrimaryStage();
        // The owner needs a scene: a stage shown without one never finishes its first render under Monocle.
        Stage owner = FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new StackPane(), 400, 300));
            stage.show();
        });
        try {
            robot.interact(() -> FormDesignerView.show(owner, model, List.of()));
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> model.formProperty().get() != null && !model.busyProperty().get());

            robot.clickOn("#designerNewForm").clickOn("Blank form");
            robot.doubleClickOn("#designerName").push(KeyCode.SHORTCUT, KeyCode.A).write(name);
            robot.clickOn("#designerSection").push(KeyCode.SHORTCUT, KeyCode.A).write("Booking");
            robot.clickOn("#designerPrompt").write("Offered the earliest slot");
            ComboBox<AnswerType> type = robot.lookup("#designerType").queryAs(ComboBox.class);
            robot.interact(() -> type.getSelectionModel().select(AnswerType.CHOICE));
            robot.clickOn("#designerChoices").write("Same day = 1\nThis week = 0.5\nLater = 0");
            robot.clickOn("#designerAddQuestion");
            robot.clickOn("#designerPrompt").write("No made-up information");
            robot.clickOn("#designerCritical");
            robot.push(KeyCode.SHORTCUT, KeyCode.S);

            Label message = robot.lookup("#designerMessage").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Saved"));
            assertThat(message.getText()).isEqualTo("Saved \"" + name + "\" (version 1).");
            Scorecard saved = new ScorecardService(admin).current().stream().filter(s -> s.formName().equals(name)).findFirst().orElseThrow();
            assertThat(saved.questions()).extracting(ScorecardQuestion::section, ScorecardQuestion::prompt, ScorecardQuestion::answerType,
                            ScorecardQuestion::critical)
                    .containsExactly(tuple("Booking", "Offered the earliest slot", AnswerType.CHOICE, false),
                            tuple("Booking", "No made-up information", AnswerType.YES_NO, true));
            assertThat(saved.questions().get(0).choices()).containsExactly(new Choice("Same day", 1), new Choice("This week", 0.5),
                    new Choice("Later", 0));
            assertThat(model.dirty()).isFalse();
        } finally {
            FxToolkit.cleanupStages();
            background.shutdownNow();
            QualityFixture.owner().useHandle(h -> h.execute("delete from voxconsole.scorecard_forms where name = ?", name));
        }
    }
}
