package com.voxanne.ops.appointments;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.DateFields;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** Appointments: a day, week or month as an agenda or a table; the selected one with its contact, booking call and (for managers) an edit form. */
public final class AppointmentsView extends BorderPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);

    private final AppointmentsViewModel model;
    private final ListView<AgendaEntry> agenda = new ListView<>();
    private final TableView<AgendaEntry> table = new TableView<>();
    private final MonthGrid month;
    private final javafx.beans.binding.BooleanBinding showingMonth;

    public AppointmentsView(AppointmentsViewModel model) {
        this.model = model;
        setId("appointmentsWorkspace");
        showingMonth = model.spanProperty().isEqualTo(CalendarSpan.MONTH);
        month = new MonthGrid(model.days(), model::openDay, () -> LocalDate.now(model.zone()));
        month.visibleProperty().bind(showingMonth);
        StackPane views = new StackPane(agenda, table, month);
        setTop(toolbar());
        setUpAgenda();
        setUpTable();
        SplitPane split = new SplitPane(views, detail());
        split.setDividerPositions(0.6);
        split.setId("appointmentsSplit");
        setCenter(split);
    }

    private HBox toolbar() {
        ToggleGroup spans = new ToggleGroup();
        HBox spanButtons = new HBox();
        for (CalendarSpan s : CalendarSpan.values()) {
            ToggleButton b = new ToggleButton(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
            b.setId("span" + s.name());
            b.setToggleGroup(spans);
            b.setSelected(model.spanProperty().get() == s);
            b.setOnAction(e -> {
                if (!b.isSelected()) {
                    b.setSelected(true);
                }
                model.spanProperty().set(s);
            });
            spanButtons.getChildren().add(b);
        }
        // The span also changes without these buttons (a day opened from the month, an appointment from a call).
        model.spanProperty().addListener((obs, o, n) -> spans.getToggles().stream()
                .filter(t -> ((ToggleButton) t).getId().equals("span" + n.name())).findFirst().ifPresent(t -> t.setSelected(true)));
        spanButtons.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        spanButtons.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        spanButtons.getChildren().get(2).getStyleClass().add(Styles.RIGHT_PILL);
        Button previous = icon(Material2MZ.NAVIGATE_BEFORE, "Previous", model::previous);
        Button next = icon(Material2MZ.NAVIGATE_NEXT, "Next", model::next);
        Button today = new Button("Today");
        today.setOnAction(e -> model.today(LocalDate.now(model.zone())));
        Label title = new Label();
        title.setId("agendaTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.textProperty().bind(model.title());

        ToggleGroup views = new ToggleGroup();
        ToggleButton asAgenda = new ToggleButton("Agenda", new FontIcon(Material2AL.EVENT_NOTE));
        ToggleButton asTable = new ToggleButton("Table", new FontIcon(Material2MZ.TABLE_ROWS));
        asTable.setId("asTable");
        asAgenda.setToggleGroup(views);
        asTable.setToggleGroup(views);
        asAgenda.getStyleClass().add(Styles.LEFT_PILL);
        asTable.getStyleClass().add(Styles.RIGHT_PILL);
        asAgenda.setSelected(true);
        agenda.visibleProperty().bind(asAgenda.selectedProperty().and(showingMonth.not()));
        table.visibleProperty().bind(asAgenda.selectedProperty().not().and(showingMonth.not()));
        // A month is a grid of days; the agenda or table is what a day or week opens into.
        asAgenda.disableProperty().bind(showingMonth);
        asTable.disableProperty().bind(showingMonth);
        views.selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) {
                o.setSelected(true);
            }
        });

        var busy = com.voxanne.ops.ui.StatusWidgets.busy(model.loadingProperty());
        var error = com.voxanne.ops.ui.StatusWidgets.error(model.errorProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, spanButtons, previous, today, next, title, busy, error, grow, new HBox(asAgenda, asTable));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private void setUpAgenda() {
        agenda.setId("agenda");
        agenda.setItems(model.entries());
        agenda.setPlaceholder(new Label("No appointments in this period."));
        agenda.setCellFactory(list -> new AgendaCell());
        // Open on the next appointment still to come (or the first shown), so the detail pane has something to say.
        model.entries().addListener((javafx.collections.ListChangeListener<AgendaEntry>) c -> {
            if (model.selectedProperty().get() == null && !model.entries().isEmpty()) {
                java.time.Instant now = java.time.Instant.now();
                model.selectedProperty().set(model.entries().stream().filter(e -> e.scheduledAt().isAfter(now)).findFirst()
                        .orElse(model.entries().get(0)));
                AgendaEntry first = model.selectedProperty().get();
                javafx.application.Platform.runLater(() -> agenda.scrollTo(Math.max(0, agenda.getItems().indexOf(first) - 2)));
            }
        });
        agenda.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.selectedProperty().set(n);
            }
        });
        model.selectedProperty().addListener((obs, o, n) -> {
            if (n != null && agenda.getSelectionModel().getSelectedItem() != n) {
                agenda.getSelectionModel().select(n);
            }
            if (n != null && table.getSelectionModel().getSelectedItem() != n) {
                table.getSelectionModel().select(n);
            }
        });
    }

    /** Time, status bar, title and contact; a day heading over the first appointment of each day. */
    private final class AgendaCell extends ListCell<AgendaEntry> {
        @Override
        protected void updateItem(AgendaEntry e, boolean empty) {
            super.updateItem(e, empty);
            if (empty || e == null) {
                setGraphic(null);
                return;
            }
            var local = e.scheduledAt().atZone(model.zone());
            Label time = new Label(TIME.format(local));
            time.getStyleClass().add(Styles.TEXT_BOLD);
            time.setMinWidth(48);
            Region stripe = new Region();
            stripe.getStyleClass().addAll("status-stripe", "status-" + e.status());
            stripe.setMinWidth(4);
            Label title = new Label(e.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            Label who = new Label(e.contactName() + " · " + e.durationMinutes() + " min" + (e.location() == null || oneLocation() ? "" : " · " + e.location()));
            who.getStyleClass().add(Styles.TEXT_MUTED);
            VBox text = new VBox(1, title, who);
            HBox.setHgrow(text, Priority.ALWAYS);
            Label status = new Label(e.status());
            status.getStyleClass().addAll("pill", "status-" + e.status());
            HBox row = new HBox(10, time, stripe, text);
            if (e.noShowRisk()) {
                FontIcon risk = new FontIcon(Material2OutlinedMZ.REPORT_PROBLEM);
                risk.getStyleClass().add("no-show-risk");
                Tooltip.install(risk, new Tooltip(e.riskReason()));
                row.getChildren().add(risk);
            }
            row.getChildren().add(status);
            row.setAlignment(Pos.CENTER_LEFT);
            int index = getIndex();
            boolean firstOfDay = index == 0 || !getListView().getItems().get(index - 1).scheduledAt().atZone(model.zone()).toLocalDate()
                    .equals(local.toLocalDate());
            if (firstOfDay) {
                Label day = new Label(DAY.format(local));
                day.getStyleClass().addAll(Styles.TEXT_SMALL, "agenda-day");
                setGraphic(new VBox(4, day, row));
            } else {
                setGraphic(row);
            }
        }
    }

    /** Whether every appointment in view is at the same place (then no row repeats it). */
    private boolean oneLocation() {
        return model.entries().stream().map(AgendaEntry::location).filter(java.util.Objects::nonNull).distinct().limit(2).count() <= 1;
    }

    private void setUpTable() {
        table.setId("appointmentTable");
        table.setItems(model.entries());
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        // Day and time in columns of their own, never cut; text columns give way instead and show the rest in a tooltip.
        TableColumn<AgendaEntry, String> day = com.voxanne.ops.ui.Columns.text("Day", e -> DAY.format(e.scheduledAt().atZone(model.zone())), 106);
        day.setMinWidth(106);
        TableColumn<AgendaEntry, String> time = com.voxanne.ops.ui.Columns.text("Time", e -> TIME.format(e.scheduledAt().atZone(model.zone())), 56);
        time.setMinWidth(56);
        TableColumn<AgendaEntry, String> length = com.voxanne.ops.ui.Columns.text("Length", e -> e.durationMinutes() + " min", 72);
        length.setMinWidth(72);
        TableColumn<AgendaEntry, String> status = com.voxanne.ops.ui.Columns.pill("Status", AgendaEntry::status, "status-", 106);
        TableColumn<AgendaEntry, String> reminder = com.voxanne.ops.ui.Columns.text("Reminder", e -> e.reminderSentAt() == null ? "not sent" : "sent", 92);
        reminder.setMinWidth(92);
        // The no-show risk as the agenda shows it: a warning sign, its reason in the tooltip.
        TableColumn<AgendaEntry, String> risk = com.voxanne.ops.ui.Columns.text("Risk", e -> e.noShowRisk() ? e.riskReason() : "", 58);
        risk.setMinWidth(58);
        risk.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String reason, boolean empty) {
                super.updateItem(reason, empty);
                setText(null);
                if (empty || reason == null || reason.isEmpty()) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FontIcon sign = new FontIcon(Material2OutlinedMZ.REPORT_PROBLEM);
                sign.getStyleClass().add("no-show-risk");
                setGraphic(sign);
                setTooltip(new Tooltip("No-show risk: " + reason));
            }
        });
        TableColumn<AgendaEntry, String> location = com.voxanne.ops.ui.Columns.text("Location", e -> e.location() == null ? "" : e.location(), 160);
        TableColumn<AgendaEntry, String> title = com.voxanne.ops.ui.Columns.wide("Title", AgendaEntry::title, 170);
        title.setMinWidth(110);
        TableColumn<AgendaEntry, String> contact = com.voxanne.ops.ui.Columns.wide("Contact", AgendaEntry::contactName, 130);
        contact.setMinWidth(100);
        table.getColumns().addAll(java.util.List.of(day, time, title, contact, length, status, reminder, risk, location));
        // A clinic with one address would repeat it on every row: the column shows only when the period has two or more.
        Runnable locations = () -> location.setVisible(model.entries().stream().map(AgendaEntry::location)
                .filter(java.util.Objects::nonNull).distinct().limit(2).count() > 1);
        model.entries().addListener((javafx.collections.ListChangeListener<AgendaEntry>) c -> locations.run());
        locations.run();
        table.setPlaceholder(new Label("No appointments in this period."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> {
            if (n != null) {
                model.selectedProperty().set(n);
            }
        });
    }

    private ScrollPane detail() {
        VBox box = new VBox(14);
        box.setId("appointmentDetail");
        box.setPadding(new Insets(16, 20, 24, 20));
        Label empty = new Label();
        empty.setId("appointmentsHint");
        empty.textProperty().bind(javafx.beans.binding.Bindings.when(showingMonth).then(model.monthSummary())
                .otherwise("Select an appointment to see its contact, notes and the call that booked it."));
        empty.getStyleClass().add(Styles.TEXT_MUTED);
        empty.setWrapText(true);

        Label title = new Label();
        title.getStyleClass().add(Styles.TITLE_3);
        Label when = new Label();
        when.setWrapText(true);
        when.getStyleClass().add(Styles.TEXT_MUTED);
        Label risk = new Label();
        risk.setId("noShowRisk");
        risk.setWrapText(true);
        risk.getStyleClass().add(Styles.WARNING);
        risk.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT_PROBLEM));
        Label contact = new Label();
        contact.setGraphic(new FontIcon(Material2OutlinedAL.ACCOUNT_CIRCLE));
        Hyperlink contactCalls = new Hyperlink("All calls with this contact");
        contactCalls.setOnAction(e -> model.showCallsOfContact());
        Label booking = new Label();
        booking.setWrapText(true);
        Hyperlink openBooking = new Hyperlink("Open the call that booked it");
        openBooking.setOnAction(e -> model.openBookingCall());
        openBooking.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.bookingCallProperty().get().isPresent(), model.bookingCallProperty()));
        booking.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.bookingCallProperty().get()
                .map(c -> "Booked by phone on " + CallFormats.time(c.createdAt(), model.zone()) + " (" + CallFormats.duration(c.durationSeconds())
                        + ", " + (c.sentimentLabel() == null ? "no sentiment" : c.sentimentLabel()) + ")")
                .orElse("No booking call found."), model.bookingCallProperty()));

        model.selectedProperty().addListener((obs, o, e) -> {
            if (e == null) {
                return;
            }
            var local = e.scheduledAt().atZone(model.zone());
            title.setText(e.title());
            when.setText(DAY.format(local) + " at " + TIME.format(local) + " · " + e.durationMinutes() + " min"
                    + (e.location() == null ? "" : " · " + e.location()) + " · reminder " + (e.reminderSentAt() == null ? "not sent" : "sent"));
            risk.setText(e.riskReason());
            risk.setVisible(e.noShowRisk());
            risk.setManaged(e.noShowRisk());
            contact.setText(e.contactName() + " · " + CallFormats.phone(e.contactPhone()));
        });

        VBox content = new VBox(10, title, when, risk, contact, contactCalls, booking, openBooking, editForm());
        content.visibleProperty().bind(model.selectedProperty().isNotNull());
        content.managedProperty().bind(content.visibleProperty());
        empty.visibleProperty().bind(model.selectedProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());
        box.getChildren().addAll(empty, content);
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return scroll;
    }

    /** Status, time and notes. Users see it read-only with the reason; the database would refuse them anyway. */
    private VBox editForm() {
        Label heading = new Label(model.form().mayEdit() ? "Change" : "Details");
        heading.getStyleClass().add(Styles.TITLE_4);
        ComboBox<String> status = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(AppointmentForm.STATUSES));
        status.setId("editStatus");
        status.valueProperty().bindBidirectional(model.form().statusProperty());
        DatePicker date = DateFields.picker("Date", null);
        date.setId("editDate");
        date.valueProperty().bindBidirectional(model.form().dateProperty());
        TextField time = new TextField();
        time.setId("editTime");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(model.form().timeProperty());
        Label timeProblem = new Label();
        timeProblem.getStyleClass().add(Styles.DANGER);
        timeProblem.textProperty().bind(model.form().timeProblem());
        time.pseudoClassStateChanged(Styles.STATE_DANGER, false);
        model.form().timeProblem().addListener((obs, o, n) -> time.pseudoClassStateChanged(Styles.STATE_DANGER, !n.isEmpty()));
        TextArea notes = new TextArea();
        notes.setId("editNotes");
        notes.setPrefRowCount(4);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(model.form().notesProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, fieldLabel("Status"), status);
        grid.addRow(1, fieldLabel("When"), new HBox(8, date, time));
        grid.add(timeProblem, 1, 2);
        grid.addRow(3, fieldLabel("Notes"), notes);
        GridPane.setHgrow(notes, Priority.ALWAYS);

        Button save = new Button("Save", new FontIcon(Material2MZ.SAVE));
        save.setId("saveAppointment");
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(model.form().canSave().not());
        save.setOnAction(e -> model.form().save());
        Button reload = new Button("Reload their version", new FontIcon(Material2MZ.REFRESH));
        reload.setId("reloadAppointment");
        reload.visibleProperty().bind(model.form().conflictProperty());
        reload.managedProperty().bind(reload.visibleProperty());
        reload.setOnAction(e -> model.form().reload());
        Label message = new Label();
        message.setId("appointmentMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.form().messageProperty());
        model.form().conflictProperty().addListener((obs, o, n) -> message.pseudoClassStateChanged(Styles.STATE_DANGER, n));

        VBox form = new VBox(10, heading, grid);
        if (model.form().mayEdit()) {
            form.getChildren().addAll(new HBox(8, save, reload), message);
        } else {
            status.setDisable(true);
            date.setDisable(true);
            time.setEditable(false);
            notes.setEditable(false);
            Label why = new Label("Your role reads appointments; managers and admins change them.");
            why.getStyleClass().add(Styles.TEXT_MUTED);
            form.getChildren().add(why);
        }
        return form;
    }

    private static Label fieldLabel(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Button icon(org.kordamp.ikonli.Ikon ikon, String tip, Runnable action) {
        Button b = new Button(null, new FontIcon(ikon));
        b.getStyleClass().add(Styles.BUTTON_ICON);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
