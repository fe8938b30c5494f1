package com.voxanne.ops.profiles;

import com.voxanne.ops.ui.FormGrid;
import com.voxanne.ops.records.Profile;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.FormActions;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** The organization's people; admins change their name, phone, role and status. */
public final class PeopleView extends SplitPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    public PeopleView(PeopleViewModel model, ZoneId zone) {
        setId("peopleWorkspace");
        TableView<Profile> table = Columns.table("peopleList", "No people.",
                Columns.wide("Name", p -> p.fullName() == null ? p.email() : p.fullName(), 150),
                Columns.text("E-mail", Profile::email, 200),
                Columns.pill("Role", Profile::role, "role-", 92),
                Columns.pill("Status", Profile::status, "profile-", 90),
                Columns.text("Last sign-in", p -> p.lastLogin() == null ? "" : WHEN.format(p.lastLogin().atZone(zone)), 150));
        table.setItems(model.people());
        // The list opens on its first person, so the form is never empty.
        model.people().addListener((javafx.collections.ListChangeListener<Profile>) c -> {
            if (model.selectedProperty().get() == null && !model.people().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        getItems().addAll(table, form(model));
        setDividerPositions(0.6);
    }

    private static Node form(PeopleViewModel model) {
        ProfileForm form = model.form();
        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(Bindings.createStringBinding(() -> {
            Profile p = form.editingProperty().get();
            // The person first; their e-mail is the login's, shown beside it in the list.
            return p == null ? "Choose a person" : p.fullName() == null || p.fullName().isBlank() ? p.email() : p.fullName() + " · " + p.email();
        }, form.editingProperty()));
        TextField name = new TextField();
        name.setId("profileName");
        name.textProperty().bindBidirectional(form.fullNameProperty());
        TextField phone = new TextField();
        phone.setId("profilePhone");
        phone.setPromptText("07700 900123 or +44 7700 900123");
        phone.textProperty().bindBidirectional(form.phoneProperty());
        ComboBox<String> role = new ComboBox<>();
        role.setId("profileRole");
        role.getItems().addAll(ProfileForm.ROLES);
        role.valueProperty().bindBidirectional(form.roleProperty());
        ComboBox<String> status = new ComboBox<>();
        status.setId("profileStatus");
        status.getItems().addAll(ProfileForm.STATUSES);
        status.valueProperty().bindBidirectional(form.statusProperty());
        FormGrid.editableWhileEditing(form, name, phone, role, status);
        FormGrid.outline(name, form.inputProblem(), "The name");
        FormGrid.outline(phone, form.inputProblem(), "Phone");
        GridPane grid = FormGrid.of(1);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label("Phone"), phone);
        grid.addRow(2, new Label("Role"), role);
        grid.addRow(3, new Label("Status"), status);
        Label note = new Label("A role or status change takes effect at once: the database reads the profile on every query. "
                + "Suspended and inactive people can no longer sign in to the console.");
        note.setWrapText(true);
        note.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        VBox box = new VBox(12, title, grid, new FormActions(form, "profile"), note, error);
        box.setPadding(new Insets(16));
        box.setMinWidth(320);
        return box;
    }
}
