package com.voxanne.ops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javafx.collections.FXCollections;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 15: text a narrow column cuts to "…" keeps its whole value in a tooltip; text that fits gets none. */
class FullTextCellTest {

    private final FxRobot robot = new FxRobot();

    @Test
    void aCutValueHasItsWholeTextAsTooltipAndAWholeOneNone() throws Exception {
        String longName = "Wilhelmina Featherstonehaugh-Cholmondeley";
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            TableView<String> table = new TableView<>(FXCollections.observableArrayList(List.of(longName, "Ivy")));
            table.getColumns().add(Columns.text("Caller", s -> s, 90));
            stage.setScene(new Scene(table, 200, 200));
            stage.show();
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            Map<String, String> tooltips = new java.util.HashMap<>();
            robot.interact(() -> robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                    .filter(c -> c.getItem() != null)
                    .forEach(c -> tooltips.put((String) c.getItem(), c.getTooltip() == null ? null : c.getTooltip().getText())));
            assertThat(tooltips).containsEntry(longName, longName).containsEntry("Ivy", null);
        } finally {
            FxToolkit.cleanupStages();
        }
    }
}
