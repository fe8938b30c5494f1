package com.voxanne.ops.ui;

import com.voxanne.ops.mvvm.OptimisticForm;
import javafx.beans.binding.Bindings;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The layout every edit form shares: labels right-aligned beside fields that take the width left. */
public final class FormGrid {

    private FormGrid() {
    }

    /** A grid of {@code pairs} label-and-field column pairs side by side (1 for a narrow form, 2 for a wide one). */
    public static GridPane of(int pairs) {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        // A label is never cut to "First na…": the fields give up the width instead.
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        for (int i = 0; i < pairs; i++) {
            grid.getColumnConstraints().addAll(labels, fields);
        }
        return grid;
    }

    /**
     * The fields take input only while the form holds a row, and never for a role that may not
     * change it (the database holds to that in any case; this only saves typing in vain).
     */
    public static void editableWhileEditing(OptimisticForm<?> form, Node... fields) {
        for (Node n : fields) {
            n.disableProperty().bind(form.mayEdit() ? form.editingProperty().isNull() : Bindings.createBooleanBinding(() -> true));
        }
    }

    /**
     * A red outline on {@code field} while the form's one-sentence problem is about it: the
     * sentence names its field first ("The lead score must be …", "Phone is not …"), so the
     * field is the one whose name starts it. The sentence itself is shown under the form.
     */
    public static void outline(Node field, javafx.beans.value.ObservableStringValue problem, String... names) {
        Runnable mark = () -> {
            String p = problem.get();
            boolean about = false;
            for (String name : names) {
                about |= p != null && p.startsWith(name);
            }
            field.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, about);
        };
        problem.addListener((obs, old, now) -> mark.run());
        mark.run();
    }
}
