package com.voxanne.ops.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15: a two-hour call of 2,000 turns made every turn a node, and the window froze on
 * selecting it and again on every find. The transcript is now a virtualized list: a real window,
 * headless, shows that only the turns on screen are nodes and that a find scrolls to its hit.
 */
class TranscriptViewTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void aTwoThousandTurnCallMakesNodesOnlyForWhatIsOnScreenAndFindScrollsToTheHit() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
            text.append(i % 2 == 0 ? "AGENT: " : "CALLER: ").append("Turn ").append(i)
                    .append(i == 1_733 ? " where the caller finally asks for a refund." : " of a long and patient conversation about the claim.")
                    .append('\n');
        }
        Transcript transcript = Transcript.parse(text.toString());
        assertThat(transcript.turns()).hasSize(2_000);
        var matches = new SimpleObjectProperty<List<Transcript.Match>>(List.of());
        var current = new SimpleIntegerProperty(-1);
        FxToolkit.registerPrimaryStage();
        TranscriptView[] view = new TranscriptView[1];
        FxToolkit.setupStage((Stage stage) -> {
            view[0] = new TranscriptView(matches, current);
            stage.setScene(new Scene(view[0], 600, 700));
            stage.show();
        });
        try {
            shownAndSearched(view[0], transcript, matches, current);
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    private void shownAndSearched(TranscriptView view, Transcript transcript, SimpleObjectProperty<List<Transcript.Match>> matches,
                                  SimpleIntegerProperty current) throws Exception {
        robot.interact(() -> view.show(transcript));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(turnsOnScreen(view)).as("turn nodes for 2,000 turns").isBetween(1, 60);
        assertThat(textOfCells(view)).anyMatch(t -> t.startsWith("Turn 0 "));

        List<Transcript.Match> found = transcript.find("refund");
        assertThat(found).singleElement().extracting(Transcript.Match::turn).isEqualTo(1_733);
        robot.interact(() -> {
            matches.set(found);
            current.set(0);
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> textOfCells(view).stream().anyMatch(t -> t.startsWith("Turn 1733 ")));
        assertThat(robot.lookup(".match-current").queryAll()).as("the hit, highlighted on screen")
                .singleElement().satisfies(n -> assertThat(((javafx.scene.control.Label) n).getText()).isEqualTo("refund"));
        assertThat(turnsOnScreen(view)).as("still only what is on screen").isBetween(1, 60);
    }

    private static int turnsOnScreen(TranscriptView view) {
        return view.lookupAll(".turn").size();
    }

    private static List<String> textOfCells(TranscriptView view) {
        return view.lookupAll(".turn-cell").stream().map(n -> (ListCell<?>) n).filter(c -> c.getItem() != null && c.isVisible())
                .map(c -> ((Transcript.Turn) c.getItem()).text()).toList();
    }
}
