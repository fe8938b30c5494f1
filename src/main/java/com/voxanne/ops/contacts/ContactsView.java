package com.voxanne.ops.contacts;

import com.voxanne.ops.ui.FormGrid;
import com.voxanne.ops.ui.LoadOnScroll;
import com.voxanne.ops.records.Contact;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.calls.CallSummary;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.FormActions;
import com.voxanne.ops.ui.StatusWidgets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Contacts: the list on the left, the selected contact as a form with their calls, appointments and pipeline on the right. */
public final class ContactsView extends SplitPane implements com.voxanne.ops.ui.ListKeys.Searchable {

    /** Where Ctrl+F goes. */
    private CustomTextField search;

    @Override
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }


    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private final ContactsViewModel model;
    private final ZoneId zone;
    private final VBox related = new VBox(14);

    public ContactsView(ContactsViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        setId("contactsWorkspace");
        getItems().addAll(list(), detail());
        setDividerPositions(0.48);
    }

    private Node list() {
        search = new CustomTextField();
        search.setId("contactSearch");
        search.setPromptText("Name or number");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setPrefColumnCount(18);
        ComboBox<String> status = new ComboBox<>();
        status.getItems().add(null);
        status.getItems().addAll(ContactForm.LEAD_STATUSES);
        status.setPromptText("Lead status");
        status.valueProperty().bindBidirectional(model.leadStatusProperty());
        status.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "All lead statuses" : item);
            }
        });
        HBox bar = new HBox(8, search, status, StatusWidgets.busy(model.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 12, 12, 12));
        bar.getStyleClass().add("filter-bar");

        TableView<Contact> table = Columns.table("contactList", "No contacts match.",
                Columns.wide("Name", Contact::fullName, 150),
                phoneColumn(),
                Columns.pill("Lead", Contact::leadStatus, "lead-", 88),
                Columns.text("Score", c -> c.leadScore() == null ? "" : c.leadScore().toString(), 56),
                Columns.text("Last contact", c -> c.lastContactedAt() == null ? "" : DAY.format(c.lastContactedAt().atZone(zone)), 110));
        table.setItems(model.rows());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now && table.getItems().contains(now)) {
                table.getSelectionModel().select(now);
            }
        });
        // A search that finds no one shows no one: the form does not keep the contact of the previous search.
        model.loadingProperty().addListener((obs, was, now) -> {
            if (!now && model.rows().isEmpty()) {
                model.selectedProperty().set(null);
            }
        });
        // The list opens on its first contact, so the right half is never an empty form.
        model.rows().addListener((javafx.collections.ListChangeListener<Contact>) c -> {
            if (model.selectedProperty().get() == null && !model.rows().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        });
        LoadOnScroll.install(table, model::loadMore);
        com.voxanne.ops.ui.ListKeys.install(table, () -> { });
        // The search follows the field as it is typed, so clearing the field is the whole of clearing the search.
        com.voxanne.ops.ui.ListKeys.escapeClears(search, () -> { }, table);
        Label error = StatusWidgets.error(model.errorProperty());
        error.setPadding(new Insets(4, 12, 4, 12));
        BorderPane pane = new BorderPane(table);
        pane.setTop(bar);
        pane.setBottom(error);
        return pane;
    }

    private Node detail() {
        ContactForm form = model.form();
        Label name = new Label();
        name.setId("contactName");
        name.getStyleClass().add(Styles.TITLE_3);
        name.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            Contact c = form.editingProperty().get();
            return c == null ? "Choose a contact" : c.fullName();
        }, form.editingProperty()));

        TextField first = field("contactFirstName", form.firstNameProperty());
        TextField last = field("contactLastName", form.lastNameProperty());
        TextField phone = field("contactPhone", form.phoneProperty());
        phone.setPromptText("07700 900123 or +44 7700 900123");
        TextField email = field("contactEmail", form.emailProperty());
        email.setPromptText("name@example.com");
        ComboBox<String> lead = new ComboBox<>();
        lead.setId("contactLeadStatus");
        lead.getItems().addAll(ContactForm.LEAD_STATUSES);
        lead.valueProperty().bindBidirectional(form.leadStatusProperty());
        TextField score = field("contactLeadScore", form.leadScoreProperty());
        score.setPromptText("0–100");
        score.setPrefColumnCount(5);
        TextArea notes = new TextArea();
        notes.setId("contactNotes");
        notes.setWrapText(true);
        notes.setPrefRowCount(3);
        notes.textProperty().bindBidirectional(form.notesProperty());
        FormGrid.editableWhileEditing(form, first, last, phone, email, lead, score, notes);
        FormGrid.outline(first, form.inputProblem(), "First name");
        FormGrid.outline(last, form.inputProblem(), "Last name");
        FormGrid.outline(phone, form.inputProblem(), "Phone");
        FormGrid.outline(email, form.inputProblem(), "E-mail");
        FormGrid.outline(lead, form.inputProblem(), "Choose a lead status");
        FormGrid.outline(score, form.inputProblem(), "Lead score");
        FormGrid.outline(notes, form.inputProblem(), "Notes");

        GridPane grid = FormGrid.of(2);
        grid.addRow(0, new Label("First name"), first, new Label("Last name"), last);
        grid.addRow(1, new Label("Phone"), phone, new Label("E-mail"), email);
        HBox leadRow = new HBox(8, lead, new Label("Score"), score);
        leadRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(2, new Label("Lead"), leadRow);
        GridPane.setColumnSpan(leadRow, 3);
        grid.add(new Label("Notes"), 0, 3);
        grid.add(notes, 1, 3, 3, 1);

        Button calls = new Button("All their calls", new FontIcon(Material2AL.CALL));
        calls.setId("contactCalls");
        calls.getStyleClass().add(Styles.FLAT);
        calls.disableProperty().bind(form.editingProperty().isNull());
        calls.setOnAction(e -> model.showCallsOfSelected());
        HBox head = new HBox(12, name, calls);
        head.setAlignment(Pos.CENTER_LEFT);

        model.detailProperty().addListener((obs, old, d) -> renderRelated(d));
        VBox body = new VBox(14, head, grid, new FormActions(form, "contact"), related);
        body.setPadding(new Insets(16));
        body.getStyleClass().add("call-detail");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void renderRelated(ContactService.ContactDetail d) {
        if (d == null) {
            related.getChildren().clear();
            return;
        }
        TableView<CallSummary> calls = Columns.fixedTable(d.recentCalls(),
                Columns.text("Time", c -> WHEN.format(c.createdAt().atZone(zone)), 150),
                Columns.text("Direction", CallSummary::callDirection, 80),
                Columns.text("Length", c -> CallFormats.duration(c.durationSeconds()), 60),
                Columns.pill("Sentiment", CallSummary::sentimentLabel, "sentiment-", 90),
                Columns.pill("Urgency", CallSummary::sentimentUrgency, "urgency-", 86));
        TableView<com.voxanne.ops.records.Appointment> appointments = Columns.fixedTable(d.appointments(),
                Columns.text("When", a -> WHEN.format(a.scheduledAt().atZone(zone)), 150),
                Columns.text("What", com.voxanne.ops.records.Appointment::title, 200),
                Columns.pill("Status", com.voxanne.ops.records.Appointment::status, "status-", 96));
        TableView<com.voxanne.ops.leads.LeadService.PipelineEntry> leads = Columns.fixedTable(d.leads(),
                Columns.text("Stage", com.voxanne.ops.leads.LeadService.PipelineEntry::stage, 90),
                Columns.text("Value", l -> l.valuePence() == null ? "" : String.format(Locale.UK, "£%,.2f", l.valuePence() / 100.0), 90),
                Columns.text("Source", l -> l.source() == null ? "" : l.source(), 120),
                Columns.text("Notes", l -> l.notes() == null ? "" : l.notes()));
        related.getChildren().setAll(section("Latest calls", calls), section("Appointments", appointments), section("Pipeline", leads));
    }

    /** A phone number is never cut: "+44 7006 739069" has the width it needs. */
    private static javafx.scene.control.TableColumn<Contact, String> phoneColumn() {
        javafx.scene.control.TableColumn<Contact, String> phone = Columns.text("Phone", (Contact c) -> CallFormats.phone(c.phone()), 140);
        phone.setMinWidth(140);
        return phone;
    }

    private static VBox section(String title, Node content) {
        Label head = new Label(title);
        head.getStyleClass().add(Styles.TITLE_4);
        return new VBox(6, head, content);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }
}
