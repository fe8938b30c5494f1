package com.voxanne.ops.ui;

import com.voxanne.ops.mvvm.OptimisticForm;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * Save, Undo changes and (after a conflict) Reload for any {@link OptimisticForm}, with the
 * form's input problem and the save's outcome as one sentence each. Hidden for people whose role
 * may not change the row.
 */
public final class FormActions extends VBox {

    public FormActions(OptimisticForm<?> form, String idPrefix) {
        super(6);
        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId(idPrefix + "Save");
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(false);
        save.disableProperty().bind(form.canSave().not());
        save.setOnAction(e -> form.save());
        Button undo = new Button("Undo changes");
        undo.setId(idPrefix + "Undo");
        undo.getStyleClass().add(Styles.FLAT);
        undo.disableProperty().bind(form.dirty().not().or(form.savingProperty()));
        undo.setOnAction(e -> form.revert());
        Button reload = new Button("Reload their version", new FontIcon(Material2MZ.REFRESH));
        reload.setId(idPrefix + "Reload");
        reload.visibleProperty().bind(form.conflictProperty());
        reload.managedProperty().bind(reload.visibleProperty());
        reload.setOnAction(e -> form.reload());
        HBox buttons = new HBox(8, save, undo, reload, StatusWidgets.busy(form.savingProperty()));
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId(idPrefix + "Problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.WARNING);
        problem.textProperty().bind(Bindings.when(form.dirty()).then(form.inputProblem()).otherwise(""));
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label message = new Label();
        message.setId(idPrefix + "Message");
        message.setWrapText(true);
        message.textProperty().bind(form.messageProperty());
        message.visibleProperty().bind(form.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());
        getChildren().addAll(buttons, problem, message);
        setVisible(form.mayEdit());
        setManaged(form.mayEdit());
    }
}
