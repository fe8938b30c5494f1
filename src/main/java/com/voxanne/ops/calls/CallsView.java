package com.voxanne.ops.calls;

import com.voxanne.ops.ui.LoadOnScroll;
import com.voxanne.ops.ui.CallFormats;
import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The calls workspace: filters and their chips above, the call log left, the selected call right. */
public final class CallsView extends BorderPane {

    private final CallsViewModel model;
    private final TableView<CallSummary> table = new TableView<>();
    private final CustomTextField search = new CustomTextField();
    private final DatePicker from = com.voxanne.ops.ui.DateFields.picker("From", null);
    private final DatePicker to = com.voxanne.ops.ui.DateFields.picker("To", null);
    private final CheckComboBox<String> directions = checks("Direction", List.of("inbound", "outbound"));
    private final CheckComboBox<String> statuses = checks("Status", List.of("completed", "in_progress", "pending", "failed"));
    private final CheckComboBox<String> sentiments = checks("Sentiment", List.of("positive", "neutral", "negative"));
    private final CheckComboBox<String> urgencies = checks("Urgency", List.of("critical", "high", "medium", "low"));
    private boolean syncing;
    private Runnable onExport = () -> { };
    private final javafx.beans.property.BooleanProperty exportAvailable = new javafx.beans.property.SimpleBooleanProperty(false);
    private final CallDetailView detail;
    private final Button export = new Button();
    private TableColumn<CallSummary, String> timeColumn;
    private TableColumn<CallSummary, String> lengthColumn;

    public CallsView(CallsViewModel model, Consumer<String> openInBrowser) {
        this.model = model;
        setId("callsWorkspace");
        getStyleClass().add("calls-workspace");
        setTop(filterBar());
        detail = new CallDetailView(model.detail(), openInBrowser);
        SplitPane split = new SplitPane(logPane(), detail);
        split.setDividerPositions(0.62);
        split.setId("callsSplit");
        setCenter(split);
        installKeys(detail);
        model.filterProperty().addListener((obs, old, now) -> showFilter(now));
        showFilter(model.filterProperty().get());
    }

    private VBox filterBar() {
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
        from.setPrefWidth(136);
        to.setPrefWidth(136);
        from.setMinWidth(124);
        to.setMinWidth(124);
        from.valueProperty().addListener((obs, o, n) -> dates());
        to.valueProperty().addListener((obs, o, n) -> dates());
        onChecks(directions, s -> model.filterProperty().get().withDirections(s));
        onChecks(statuses, s -> model.filterProperty().get().withStatuses(s));
        onChecks(sentiments, s -> model.filterProperty().get().withSentimentLabels(s));
        onChecks(urgencies, s -> model.filterProperty().get().withUrgencies(s));

        Button back = new Button("Back", new FontIcon(Material2AL.ARROW_BACK));
        back.setId("filterBack");
        back.setMinWidth(USE_PREF_SIZE);
        back.disableProperty().bind(model.canGoBack().not());
        back.setOnAction(e -> model.back());
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
        FlowPane filters = new FlowPane(8, 8, search, contact, from, to, directions, statuses, sentiments, urgencies);
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

        VBox bar = new VBox(8, controls, chips);
        bar.getStyleClass().add("filter-bar");
        bar.setPadding(new Insets(12, 16, 8, 16));
        return bar;
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

    private BorderPane logPane() {
        table.setId("callLog");
        table.setItems(model.rows());
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CallSummary, String> time = com.voxanne.ops.ui.Columns.text("Time", r -> CallFormats.shortTime(r.createdAt(), model.zone()), 106);
        time.setMinWidth(106);
        table.getColumns().add(time);
        timeColumn = time;
        table.getColumns().add(directionColumn());
        TableColumn<CallSummary, String> caller = com.voxanne.ops.ui.Columns.text("Caller", r -> r.displayName() == null ? "" : r.displayName(), 120);
        // The caller's name takes what a wide window leaves: names are what people scan for.
        caller.setMaxWidth(Double.MAX_VALUE);
        table.getColumns().add(caller);
        // The other side is always the organization's own line: the customer's number is the one that matters.
        table.getColumns().add(com.voxanne.ops.ui.Columns.text("Number", r -> CallFormats.phone("inbound".equals(r.callDirection()) ? r.fromNumber() : r.toNumber()), 138));
        TableColumn<CallSummary, String> duration = com.voxanne.ops.ui.Columns.text("Length", r -> CallFormats.duration(r.durationSeconds()), 70);
        duration.getStyleClass().add("numeric");
        table.getColumns().add(duration);
        lengthColumn = duration;
        table.getColumns().add(com.voxanne.ops.ui.Columns.text("Status", r -> CallFormats.label(r.status()), 95));
        table.getColumns().add(com.voxanne.ops.ui.Columns.pill("Sentiment", CallSummary::sentimentLabel, "sentiment-", 94));
        table.getColumns().add(com.voxanne.ops.ui.Columns.pill("Urgency", CallSummary::sentimentUrgency, "urgency-", 86));
        TableColumn<CallSummary, String> score = com.voxanne.ops.ui.Columns.text("Score", r -> CallFormats.score(r.sentimentScore()), 58);
        score.getStyleClass().add("numeric");
        table.getColumns().add(score);
        table.getColumns().forEach(c -> c.setSortable(false));
        // Time and length sort in the database (keyset on the sort key); the table never sorts its rows itself.
        timeColumn.setSortable(true);
        lengthColumn.setSortable(true);
        table.setSortPolicy(tv -> {
            if (!syncing) {
                model.apply(model.filterProperty().get().sortedBy(sortFromHeaders()));
            }
            return true;
        });
        table.setPlaceholder(new Label("No calls match these filters."));
        // Fetch the next page when the person scrolls near either end of the window.
        LoadOnScroll.install(table, model::loadMore, () -> {
            if (!model.atHeadProperty().get()) {
                model.loadNewer();
            }
        });
        // Rows added or trimmed above keep the person's place: the same call stays under their eyes.
        model.shiftedAboveProperty().addListener((obs, old, delta) -> {
            if (delta.intValue() != 0) {
                firstVisibleIndex().ifPresent(i -> {
                    table.scrollTo(Math.max(0, i + delta.intValue()));
                    // Lay out now: a second shift in the same pulse must start from where this one left the view.
                    table.layout();
                });
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        // A fresh result opens on its newest call, so the detail pane is never an empty half of the window.
        model.rows().addListener((ListChangeListener<CallSummary>) c -> {
            if (table.getSelectionModel().isEmpty() && !model.rows().isEmpty() && model.rows().size() <= CallsViewModel.PAGE_SIZE) {
                table.getSelectionModel().select(0);
            }
        });

        var busy = com.voxanne.ops.ui.StatusWidgets.busy(model.loadingProperty());
        Label count = new Label();
        count.setId("callCount");
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.rows().size();
            String more = model.endReachedProperty().get() ? "" : "; scroll for more";
            return String.format("%,d call%s in view%s%s", n, n == 1 ? "" : "s", model.atHeadProperty().get() ? "" : " (newer ones above)", more);
        }, model.rows(), model.endReachedProperty(), model.atHeadProperty()));
        count.getStyleClass().add(Styles.TEXT_MUTED);
        Label error = com.voxanne.ops.ui.StatusWidgets.error(model.errorProperty());
        error.setId("callLogError");
        HBox status = new HBox(8, busy, count, error);
        status.setAlignment(Pos.CENTER_LEFT);
        status.setPadding(new Insets(6, 12, 6, 12));
        BorderPane pane = new BorderPane(withNewCallsPill());
        pane.setBottom(status);
        return pane;
    }

    /**
     * Calls arriving live above the first visible row keep the person's place; this pill says how
     * many there are and takes them up to the newest. At the very top, new calls simply appear.
     */
    private javafx.scene.Node withNewCallsPill() {
        model.setFirstVisibleRow(() -> firstVisibleIndex().orElse(0));
        Button pill = new Button();
        pill.setId("newCallsPill");
        pill.setGraphic(new FontIcon(org.kordamp.ikonli.material2.Material2AL.ARROW_UPWARD));
        pill.getStyleClass().addAll(Styles.ACCENT, Styles.ROUNDED, "new-calls-pill");
        pill.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.newCallsAboveProperty().get();
            return n > 0 ? String.format("%,d new call%s", n, n == 1 ? "" : "s") : "Calls changed: show the newest";
        }, model.newCallsAboveProperty()));
        pill.visibleProperty().bind(model.newCallsAboveProperty().greaterThan(0).or(model.reloadSuggestedProperty()));
        pill.managedProperty().bind(pill.visibleProperty());
        pill.setOnAction(e -> {
            model.showNewest();
            table.scrollTo(0);
        });
        StackPane stack = new StackPane(table, pill);
        StackPane.setAlignment(pill, Pos.TOP_CENTER);
        StackPane.setMargin(pill, new Insets(36, 0, 0, 0));
        // Scrolling up to the newest by hand counts as having seen them.
        table.skinProperty().addListener((obs, old, skin) -> table.lookupAll(".scroll-bar").stream()
                .filter(n -> n instanceof javafx.scene.control.ScrollBar b && b.getOrientation() == javafx.geometry.Orientation.VERTICAL)
                .map(javafx.scene.control.ScrollBar.class::cast).findFirst()
                .ifPresent(bar -> bar.valueProperty().addListener((o, was, now) -> {
                    if (now.doubleValue() <= bar.getMin()) {
                        model.newCallsSeen();
                    }
                })));
        return stack;
    }

    private java.util.OptionalInt firstVisibleIndex() {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow && flow.getFirstVisibleCell() != null) {
            return java.util.OptionalInt.of(flow.getFirstVisibleCell().getIndex());
        }
        return java.util.OptionalInt.empty();
    }

    private void installKeys(CallDetailView detail) {
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                return;
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                search.requestFocus();
                search.selectAll();
            });
        });
        table.setOnKeyPressed(e -> {
            switch (e.getCode()) {
                case J -> move(1);
                case K -> move(-1);
                case ENTER -> detail.openTranscriptFullScreen();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private void move(int step) {
        int next = Math.max(0, Math.min(table.getItems().size() - 1, table.getSelectionModel().getSelectedIndex() + step));
        table.getSelectionModel().select(next);
        table.scrollTo(Math.max(0, next - 5));
    }

    private void dates() {
        if (!syncing) {
            model.apply(model.filterProperty().get().between(from.getValue(), to.getValue()));
        }
    }

    private void onChecks(CheckComboBox<String> box, Function<Set<String>, CallFilter> with) {
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c -> {
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
            showSort(f.sort());
        } finally {
            syncing = false;
        }
    }

    private CallSort sortFromHeaders() {
        if (table.getSortOrder().isEmpty()) {
            return CallSort.NEWEST;
        }
        boolean ascending = table.getSortOrder().get(0).getSortType() == TableColumn.SortType.ASCENDING;
        if (table.getSortOrder().get(0) == lengthColumn) {
            return ascending ? CallSort.SHORTEST : CallSort.LONGEST;
        }
        return ascending ? CallSort.OLDEST : CallSort.NEWEST;
    }

    private void showSort(CallSort sort) {
        TableColumn<CallSummary, String> column = sort == CallSort.LONGEST || sort == CallSort.SHORTEST ? lengthColumn : timeColumn;
        column.setSortType(sort == CallSort.OLDEST || sort == CallSort.SHORTEST ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != column) {
            table.getSortOrder().setAll(java.util.List.of(column));
        }
    }

    private static void setIfChanged(DatePicker picker, LocalDate value) {
        if (!java.util.Objects.equals(picker.getValue(), value)) {
            picker.setValue(value);
        }
    }

    private static void check(CheckComboBox<String> box, Set<String> values) {
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
        box.setPrefWidth(118);
        return box;
    }

    private static TableColumn<CallSummary, String> directionColumn() {
        TableColumn<CallSummary, String> c = new TableColumn<>("");
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().callDirection()));
        c.setPrefWidth(32);
        c.setMinWidth(32);
        c.setMaxWidth(32);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FontIcon icon = new FontIcon("inbound".equals(item) ? Material2AL.CALL_RECEIVED : Material2AL.CALL_MADE);
                icon.getStyleClass().add("direction-" + item);
                setGraphic(icon);
                setTooltip(new javafx.scene.control.Tooltip(item));
            }
        });
        return c;
    }

    /** A coloured pill for sentiment and urgency: the colour carries the meaning, the text says it too. */
    /** Offers "Export…" for the current filter; without it (offline review) the button is hidden. */
    public void setOnExport(Runnable action) {
        this.onExport = action;
        exportAvailable.set(action != null);
    }

    /** The toolbar's export button does something else here (offline review: export the reviewer's notes). */
    public void setOnExport(String tooltip, org.kordamp.ikonli.Ikon icon, Runnable action) {
        export.setTooltip(new javafx.scene.control.Tooltip(tooltip));
        export.setGraphic(new FontIcon(icon));
        setOnExport(action);
    }

    /** Adds a section under the selected call's header, shown for every call. */
    public void setDetailSection(javafx.scene.Node section) {
        detail.setExtraSection(section);
    }

    /** Focuses the call log, so J/K work at once. */
    public void focusLog() {
        table.requestFocus();
    }
}
