package com.voxanne.ops.calls;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.ui.CallFormats;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The call log's filters above it: text search, contact, dates, the five check lists (the last the signals), the chips of
 * what is filtered, and Back, export and refresh. Every control sends its change to the view
 * model, which owns the filter; a filter that changed elsewhere (a chip, Back, a contact link) is
 * shown in the controls again.
 */
final class CallFilterBar extends VBox {

    private final CallsViewModel model;
    private final CustomTextField search = new CustomTextField();
    private final DatePicker from = com.voxanne.ops.ui.DateFields.picker("From", null);
    private final DatePicker to = com.voxanne.ops.ui.DateFields.picker("To", null);
    private final CheckComboBox<String> directions = checks("Direction", List.of("inbound", "outbound"));
    private final CheckComboBox<String> statuses = checks("Status", List.of("completed", "in_progress", "pending", "failed"));
    private final CheckComboBox<String> sentiments = checks("Sentiment", List.of("positive", "neutral", "negative"));
    private final CheckComboBox<String> urgencies = checks("Urgency", List.of("critical", "high", "medium", "low"));
    private final CheckComboBox<SignalKind> signals = signalChecks();
    private final Button export = new Button();
    private final javafx.beans.property.BooleanProperty exportAvailable = new javafx.beans.property.SimpleBooleanProperty(false);
    private Runnable onExport = () -> { };
    /**
     * True while the controls are set from the filter: their change events then describe the
     * filter already applied, and sending them back would push it on the history again.
     */
    private boolean syncing;

    /** Esc in the search field clears the search and goes back to {@code log}. */
    void escapeGoesTo(javafx.scene.Node log) {
        com.voxanne.ops.ui.ListKeys.escapeClears(search, () -> model.apply(model.filterProperty().get().withText(null)), log);
    }

    CallFilterBar(CallsViewModel model) {
        this.model = model;
        search.setId("callSearch");
        search.setPromptText("Search calls (Ctrl+F)");
        search.setLeft(new FontIcon(Material2MZ.SEARCH));
        search.setPrefColumnCount(13);
        search.setOnAction(e -> model.apply(model.filterProperty().get().withText(search.getText())));
        Button clearSearch = new Button(null, new FontIcon(Material2AL.CLEAR));
        clearSearch.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        clearSearch.setOnAction(e -> model.apply(model.filterProperty().get().withText(null)));
        search.setRight(clearSearch);

        javafx.scene.control.TextField contact = new javafx.scene.control.TextField();
        contact.setId("contactFilter");
        contact.setPromptText("Contact…");
        contact.setPrefColumnCount(9);
        contact.setMinWidth(110);
        var suggestions = org.controlsfx.control.textfield.TextFields.bindAutoCompletion(contact,
                request -> model.contactSuggestions(request.getUserText()),
                new javafx.util.StringConverter<com.voxanne.ops.records.Contact>() {
                    @Override
                    public String toString(com.voxanne.ops.records.Contact c) {
                        return c == null ? "" : c.fullName() + "  " + CallFormats.phone(c.phone());
                    }

                    @Override
                    public com.voxanne.ops.records.Contact fromString(String s) {
                        return null;
                    }
                });
        suggestions.setOnAutoCompleted(e -> {
            model.filterByContact(e.getCompletion());
            contact.clear();
        });
        // Wide enough for "30 Nov 2026" beside the calendar button.
        from.setPrefWidth(142);
        to.setPrefWidth(142);
        from.setMinWidth(142);
        to.setMinWidth(142);
        from.valueProperty().addListener((obs, o, n) -> dates());
        to.valueProperty().addListener((obs, o, n) -> dates());
        onChecks(directions, s -> model.filterProperty().get().withDirections(s));
        onChecks(statuses, s -> model.filterProperty().get().withStatuses(s));
        onChecks(sentiments, s -> model.filterProperty().get().withSentimentLabels(s));
        onChecks(urgencies, s -> model.filterProperty().get().withUrgencies(s));
        onChecks(signals, s -> model.filterProperty().get().withSignals(s));

        Button back = new Button("Back", new FontIcon(Material2AL.ARROW_BACK));
        back.setId("filterBack");
        back.setMinWidth(USE_PREF_SIZE);
        back.disableProperty().bind(model.canGoBack().not());
        back.setOnAction(e -> model.back());
        back.textProperty().bind(model.backTextProperty());
        export.setGraphic(new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("exportCalls");
        export.getStyleClass().add(Styles.BUTTON_ICON);
        export.setTooltip(new javafx.scene.control.Tooltip("Export these calls to a signed bundle…"));
        export.setOnAction(e -> onExport.run());
        export.visibleProperty().bind(exportAvailable);
        export.managedProperty().bind(export.visibleProperty());
        Button refresh = new Button(null, new FontIcon(Material2MZ.REFRESH));
        refresh.getStyleClass().add(Styles.BUTTON_ICON);
        refresh.setOnAction(e -> model.refresh());

        search.setMinWidth(190);
        // The filters wrap onto a second line in a narrow window; Back, export and refresh stay at the right.
        FlowPane filters = new FlowPane(8, 8, search, contact, from, to, directions, statuses, sentiments, urgencies, signals);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPrefWrapLength(900);
        HBox.setHgrow(filters, Priority.ALWAYS);
        HBox actions = new HBox(8, back, export, refresh);
        actions.setAlignment(Pos.TOP_RIGHT);
        actions.setMinWidth(USE_PREF_SIZE);
        HBox controls = new HBox(8, filters, actions);
        controls.setAlignment(Pos.CENTER_LEFT);

        FlowPane chips = new FlowPane(6, 6);
        chips.setId("filterChips");
        model.chips().addListener((ListChangeListener<CallFilter.Chip>) c -> renderChips(chips));
        renderChips(chips);

        setSpacing(8);
        getChildren().setAll(controls, chips);
        getStyleClass().add("filter-bar");
        setPadding(new Insets(12, 16, 8, 16));
        model.filterProperty().addListener((obs, old, now) -> showFilter(now));
        showFilter(model.filterProperty().get());
    }

    private void renderChips(FlowPane pane) {
        pane.getChildren().clear();
        for (CallFilter.Chip chip : model.chips()) {
            Button b = new Button(chip.label(), new FontIcon(Material2AL.CLOSE));
            b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            b.getStyleClass().addAll(Styles.SMALL, Styles.ROUNDED, "filter-chip");
            b.setOnAction(e -> model.apply(chip.without()));
            pane.getChildren().add(b);
        }
        pane.setVisible(!model.chips().isEmpty());
        pane.setManaged(pane.isVisible());
    }

    private void dates() {
        if (!syncing) {
            model.apply(model.filterProperty().get().between(from.getValue(), to.getValue()));
        }
    }

    private <T> void onChecks(CheckComboBox<T> box, Function<Set<T>, CallFilter> with) {
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing) {
                model.apply(with.apply(Set.copyOf(box.getCheckModel().getCheckedItems())));
            }
        });
    }

    /** Brings the controls in line with a filter that changed elsewhere (a chip, Back, a contact link). */
    private void showFilter(CallFilter f) {
        syncing = true;
        try {
            if (!java.util.Objects.equals(search.getText().isBlank() ? null : search.getText().strip(), f.text())) {
                search.setText(f.text() == null ? "" : f.text());
            }
            setIfChanged(from, f.from());
            setIfChanged(to, f.to());
            check(directions, f.directions());
            check(statuses, f.statuses());
            check(sentiments, f.sentimentLabels());
            check(urgencies, f.urgencies());
            check(signals, f.signals());
        } finally {
            syncing = false;
        }
    }

    private static void setIfChanged(DatePicker picker, LocalDate value) {
        if (!java.util.Objects.equals(picker.getValue(), value)) {
            picker.setValue(value);
        }
    }

    private static <T> void check(CheckComboBox<T> box, Set<T> values) {
        if (Set.copyOf(box.getCheckModel().getCheckedItems()).equals(values)) {
            return;
        }
        box.getCheckModel().clearChecks();
        values.forEach(v -> box.getCheckModel().check(v));
    }

    private static CheckComboBox<String> checks(String title, List<String> values) {
        CheckComboBox<String> box = new CheckComboBox<>(javafx.collections.FXCollections.observableArrayList(values));
        box.setTitle(title);
        box.setId("filter" + title);
        box.setMinWidth(100);
        box.setPrefWidth(132);
        return box;
    }

    /** The calls where something went wrong (docs/SIGNALS.md), by the words the console shows for each kind. */
    private static CheckComboBox<SignalKind> signalChecks() {
        CheckComboBox<SignalKind> box = new CheckComboBox<>(javafx.collections.FXCollections.observableArrayList(SignalKind.values()));
        box.setTitle("Signals");
        box.setId("filterSignals");
        box.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(SignalKind kind) {
                return kind == null ? "" : kind.label();
            }

            @Override
            public SignalKind fromString(String s) {
                return null;
            }
        });
        box.setMinWidth(100);
        box.setPrefWidth(132);
        return box;
    }

    /** Offers "Export…" for the current filter; without it (offline review) the button is hidden. */
    void setOnExport(Runnable action) {
        this.onExport = action;
        exportAvailable.set(action != null);
    }

    /** The toolbar's export button does something else here (offline review: export the reviewer's notes). */
    void setOnExport(String tooltip, org.kordamp.ikonli.Ikon icon, Runnable action) {
        export.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        export.setGraphic(new FontIcon(icon));
        setOnExport(action);
    }

    void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }
}
