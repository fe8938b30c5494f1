package com.voxanne.ops.calls;

import com.voxanne.ops.ui.ListKeys;
import com.voxanne.ops.ui.LoadOnScroll;
import com.voxanne.ops.ui.CallFormats;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/** The calls workspace: filters and their chips above, the call log left, the selected call right. */
public final class CallsView extends BorderPane implements ListKeys.Searchable {

    private final CallsViewModel model;
    private final TableView<CallSummary> table = new TableView<>();
    private final CallFilterBar filterBar;
    /** True while the table's sort headers are set from the filter, so that setting them is not taken for a click. */
    private boolean syncing;
    private final CallDetailView detail;
    private TableColumn<CallSummary, String> timeColumn;
    private TableColumn<CallSummary, String> lengthColumn;

    public CallsView(CallsViewModel model, Consumer<String> openInBrowser) {
        this.model = model;
        setId("callsWorkspace");
        getStyleClass().add("calls-workspace");
        filterBar = new CallFilterBar(model);
        setTop(filterBar);
        detail = new CallDetailView(model.detail(), openInBrowser);
        SplitPane split = new SplitPane(logPane(), detail);
        // Two thirds for the log: at 1366x768 its eight columns need about 830 pixels, the detail reads well in 430.
        split.setDividerPositions(0.66);
        split.setId("callsSplit");
        setCenter(split);
        installKeys(detail);
        filterBar.escapeGoesTo(table);
        model.filterProperty().addListener((obs, old, now) -> showSort(now.sort()));
        showSort(model.filterProperty().get().sort());
    }

    private BorderPane logPane() {
        table.setId("callLog");
        table.setItems(model.rows());
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CallSummary, String> time = com.voxanne.ops.ui.Columns.text("Time", r -> CallFormats.shortTime(r.createdAt(), model.zone()), 112);
        time.setMinWidth(112);
        table.getColumns().add(time);
        timeColumn = time;
        table.getColumns().add(directionColumn());
        TableColumn<CallSummary, String> caller = com.voxanne.ops.ui.Columns.text("Caller", r -> CallFormats.who(r.displayName()), 120);
        // The caller's name takes what a wide window leaves: names are what people scan for.
        caller.setMaxWidth(Double.MAX_VALUE);
        table.getColumns().add(caller);
        // The other side is always the organization's own line: the customer's number is the one that matters.
        table.getColumns().add(com.voxanne.ops.ui.Columns.fixedWidth(com.voxanne.ops.ui.Columns.text("Number",
                r -> CallFormats.phone("inbound".equals(r.callDirection()) ? r.fromNumber() : r.toNumber()), 138)));
        // One column for how the call went: its length when it was held, else what happened ("failed", "in progress").
        // A separate Status column pushed Urgency and Score out of a 1366-pixel-wide window.
        TableColumn<CallSummary, String> duration = com.voxanne.ops.ui.Columns.text("Length",
                r -> "completed".equals(r.status()) ? CallFormats.duration(r.durationSeconds()) : CallFormats.label(r.status()), 74);
        duration.getStyleClass().add("numeric");
        table.getColumns().add(duration);
        lengthColumn = duration;
        table.getColumns().add(com.voxanne.ops.ui.Columns.pill("Sentiment", CallSummary::sentimentLabel, "sentiment-", 88));
        table.getColumns().add(com.voxanne.ops.ui.Columns.pill("Urgency", CallSummary::sentimentUrgency, "urgency-", 80));
        // No Score column: the pill says how the call went and the detail gives the score; at 1366x768 the
        // Outcome column needs its room more (what happened after the call is what a supervisor looks for).
        // What happened after the call, and what went wrong (the signals): read shortly after each page.
        TableColumn<CallSummary, com.voxanne.ops.signals.CallOutcome> outcome = new TableColumn<>("Outcome");
        outcome.setId("outcomeColumn");
        outcome.setCellValueFactory(row -> javafx.beans.binding.Bindings.valueAt(model.outcomes(), row.getValue().id()));
        outcome.setCellFactory(column -> new OutcomeCell());
        outcome.setPrefWidth(128);
        outcome.setMinWidth(110);
        table.getColumns().add(outcome);
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
        StackPane stack = com.voxanne.ops.ui.NewRowsPill.over(table, "newCallsPill", javafx.beans.binding.Bindings.createStringBinding(() -> {
            int n = model.newCallsAboveProperty().get();
            return n > 0 ? String.format("%,d new call%s", n, n == 1 ? "" : "s") : "Calls changed: show the newest";
        }, model.newCallsAboveProperty()), model.newCallsAboveProperty().greaterThan(0).or(model.reloadSuggestedProperty()), model::showNewest);
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
        ListKeys.install(table, detail::openTranscriptFullScreen);
    }

    @Override
    public void focusSearch() {
        filterBar.focusSearch();
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
        syncing = true;
        try {
            showSortHeaders(sort);
        } finally {
            syncing = false;
        }
    }

    private void showSortHeaders(CallSort sort) {
        TableColumn<CallSummary, String> column = sort == CallSort.LONGEST || sort == CallSort.SHORTEST ? lengthColumn : timeColumn;
        column.setSortType(sort == CallSort.OLDEST || sort == CallSort.SHORTEST ? TableColumn.SortType.ASCENDING : TableColumn.SortType.DESCENDING);
        if (table.getSortOrder().size() != 1 || table.getSortOrder().get(0) != column) {
            table.getSortOrder().setAll(java.util.List.of(column));
        }
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

    /** Offers "Export…" for the current filter; without it (offline review) the button is hidden. */
    public void setOnExport(Runnable action) {
        filterBar.setOnExport(action);
    }

    /** The toolbar's export button does something else here (offline review: export the reviewer's notes). */
    public void setOnExport(String tooltip, org.kordamp.ikonli.Ikon icon, Runnable action) {
        filterBar.setOnExport(tooltip, icon, action);
    }

    /** Adds a section under the selected call's header, shown for every call (after those added before). */
    public void addDetailSection(javafx.scene.Node section) {
        detail.addExtraSection(section);
    }

    /** Focuses the call log, so J/K work at once. */
    public void focusLog() {
        table.requestFocus();
    }
}
