package com.voxanne.ops.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.app.ConsoleApplication;
import com.voxanne.ops.setup.ReferenceCache;
import com.voxanne.ops.setup.ReferenceService;
import com.voxanne.ops.prefs.UserPreferences;
import com.voxanne.ops.records.ConsoleSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The console's folders cannot be written: a full disk, a read-only mount, a file where the folder
 * should be. (The tests run as root, for whom permissions do not stop a write; a file in the way
 * fails every write the same way a read-only or full disk does, with an IOException.) The settings
 * and the cached setup degrade with one sentence the person sees; the console keeps working.
 */
class UnusableFolderTest {

    private final FxRobot robot = new FxRobot();
    private javafx.application.Application application;

    @AfterEach
    void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        System.clearProperty("voxconsole.home");
        System.clearProperty("voxconsole.demo.calls");
    }

    @Test
    void settingsThatCannotBeSavedAreKeptForTheSessionAndSaidOnce() throws Exception {
        Path blocked = Files.writeString(TestWorkspace.root().resolve("blocked-" + UUID.randomUUID()), "a file, not a folder");
        UserPreferences prefs = UserPreferences.load(blocked.resolve("preferences.properties"));
        java.util.List<String> told = new java.util.ArrayList<>();
        prefs.problem().tell(told::add);
        prefs.put("theme", "DARK");
        assertThat(prefs.save()).isFalse();
        assertThat(prefs.save()).as("tried again").isFalse();
        assertThat(told).as("the window is told once").hasSize(1);
        assertThat(prefs.get("theme", "LIGHT")).as("kept while the console runs").isEqualTo("DARK");
        assertThat(prefs.problem().last()).hasValueSatisfying(s -> assertThat(s).startsWith("Your settings cannot be saved on this computer (")
                .endsWith("); the console keeps them until it closes.").doesNotContain("\n"));
    }

    @Test
    void aSetupThatCannotBeCachedIsStillReadFromTheServer() throws Exception {
        Path blocked = Files.writeString(TestWorkspace.root().resolve("blocked-" + UUID.randomUUID()), "a file, not a folder");
        UUID harley = TestWorkspace.orgId("Harley Street Dental Clinic");
        ReferenceCache cache = new ReferenceCache(blocked, TestWorkspace.get().jdbcUrl(),
                new ConsoleSession(UUID.randomUUID(), harley, "Harley", "admin", "Some One", "some@one.example", "demo_harley_admin"));
        ReferenceService service = new ReferenceService(TestWorkspace.as("harley", "admin").jdbi(), cache, com.voxanne.ops.TestWorkspace.columns());
        assertThat(service.refresh().agents()).as("the setup, from the server").hasSize(2);
        assertThat(service.refresh().agents()).as("and again").hasSize(2);
        assertThat(cache.problem().last()).hasValueSatisfying(s -> assertThat(s).startsWith("The setup cannot be kept on this computer ("));
    }

    @Test
    void theWindowOpensWorksAndSaysWhatItCannotKeep() throws Exception {
        Path home = Files.createDirectories(TestWorkspace.root().resolve("unusable-" + UUID.randomUUID()));
        Files.writeString(home.resolve("cache"), "a file where the cache folder should be");
        System.setProperty("voxconsole.home", home.toString());
        System.setProperty("voxconsole.demo.calls", "600");
        System.setProperty("voxconsole.demo.traffic", "off");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#callLog").tryQuery().isPresent()
                && !robot.lookup("#callLog").queryAs(TableView.class).getItems().isEmpty());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#storageNotice").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#storageNotice").queryAs(Label.class).getText()).startsWith("The setup cannot be kept on this computer (");
        for (String id : List.of("sentiment", "appointments", "calls")) {
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertThat(robot.lookup("#callLog").queryAs(TableView.class).getItems()).as("the console works on").isNotEmpty();
    }
}
