package com.voxanne.ops.export;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.calls.CallFilter;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The export dialog: what will be exported, redaction, the file, then progress with Cancel. */
public final class ExportWindow {

    private ExportWindow() {
    }

    public static void show(Window owner, ExportViewModel model, CallFilter filter, List<String> stylesheets) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export calls to a bundle");
        Label what = new Label(filter.chips().isEmpty() ? "All calls of your organization."
                : "Calls matching: " + String.join(", ", filter.chips().stream().map(CallFilter.Chip::label).toList()) + ".");
        what.setWrapText(true);
        CheckBox redact = new CheckBox("Redact phone numbers, e-mail addresses and card numbers");
        redact.setId("exportRedact");
        redact.selectedProperty().bindBidirectional(model.redactProperty());
        redact.disableProperty().bind(model.runningProperty());
        Label note = new Label("The bundle is signed by this installation and the export is recorded in the audit log.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        Button choose = new Button("Choose file and export…");
        choose.getStyleClass().add(Styles.ACCENT);
        choose.disableProperty().bind(model.runningProperty());
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("calls.voxbundle");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Voxanne bundles", "*.voxbundle"));
            File file = chooser.showSaveDialog(stage);
            if (file != null) {
                String name = file.getName().endsWith(".voxbundle") ? file.getName() : file.getName() + ".voxbundle";
                model.export(filter, file.toPath().resolveSibling(name));
            }
        });
        Button cancel = new Button("Cancel export");
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        Button close = new Button("Close");
        close.disableProperty().bind(model.runningProperty());
        close.setOnAction(e -> stage.close());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox buttons = new HBox(8, cancel, grow, close, choose);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, what, redact, note, progress, status, buttons);
        root.getStyleClass().add("export-window");
        root.setPadding(new Insets(20));
        root.setPrefWidth(560);
        Scene scene = new Scene(root);
        scene.getStylesheets().addAll(stylesheets);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (model.runningProperty().get()) {
                e.consume();
            }
        });
        stage.show();
    }
}
