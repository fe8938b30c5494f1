package com.voxanne.ops.sentiment;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.signals.SignalDay;
import com.voxanne.ops.signals.SignalKind;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Sentiment over a period: mix, score trend, urgency, direction and status, and the calls that need attention. Click to drill down. */
public final class SentimentView extends BorderPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
    private static final List<String> LABELS = List.of("positive", "neutral", "negative");
    private static final List<String> URGENCIES = List.of("critical", "high", "medium", "low");
    /** Call statuses in the order a supervisor reads them, each always in its own colour. */
    private static final List<String> STATUSES = List.of("completed", "in_progress", "pending", "failed");

    private final SentimentViewModel model;
    private final StackedBarChart<String, Number> mix = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final LineChart<String, Number> score = new LineChart<>(new CategoryAxis(), new NumberAxis(0, 1, 0.25));
    private final BarChart<String, Number> urgency = new BarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> directions = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    private final StackedBarChart<String, Number> signals = new StackedBarChart<>(new CategoryAxis(), new NumberAxis());
    /** The period's calls of each kind, in the per-day chart's colours: its legend, and each line opens those calls. */
    private final VBox signalKinds = new VBox(2);
    private final TableView<SentimentDao.AttentionCall> attention = new TableView<>();
    private final HeadlineNumbers headline = new HeadlineNumbers();
    private final VBox statusLegend = new VBox();

    public SentimentView(SentimentViewModel model) {
        this.model = model;
        setId("sentimentWorkspace");
        getStyleClass().add("sentiment-workspace");
        setTop(periodBar());
        for (var chart : List.of(mix, score, urgency, directions, signals)) {
            chart.setAnimated(false);
            chart.setMinHeight(240);
            chart.setPrefHeight(280);
        }
        mix.setId("sentimentMix");
        mix.setTitle("Sentiment mix");
        score.setTitle("Average sentiment score");
        urgency.setTitle("Urgency");
        urgency.setId("urgencyChart");
        directions.setTitle("Direction and status");
        directions.setId("statusChart");
        signals.setTitle("What went wrong, per day");
        signals.setId("signalsChart");
        signalKinds.setId("signalKinds");
        // The legends are ChartKeys': coloured by what they name, as the bars are.
        for (var chart : List.of(mix, score, urgency, directions, signals)) {
            chart.setLegendVisible(false);
        }
        score.getStyleClass().add("score-trend");

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(com.voxanne.ops.ui.ChartKeys.titled(mix, com.voxanne.ops.ui.ChartKeys.legend(LABELS, CallFormats::label)), 0, 0);
        grid.add(com.voxanne.ops.ui.ChartKeys.titled(score, null), 1, 0);
        grid.add(com.voxanne.ops.ui.ChartKeys.titled(urgency, null), 0, 1);
        grid.add(com.voxanne.ops.ui.ChartKeys.titled(directions, statusLegend), 1, 1);
        if (model.showsSignals()) {
            // The signals (docs/SIGNALS.md): per day, stacked by kind, and the period's total of each kind.
            grid.add(com.voxanne.ops.ui.ChartKeys.titled(signals, null), 0, 2);
            Label kindsTitle = new Label("What went wrong, by kind");
            kindsTitle.getStyleClass().add("chart-heading");
            VBox kinds = new VBox(8, kindsTitle, signalKinds);
            kinds.setPadding(new Insets(4, 8, 0, 8));
            grid.add(kinds, 1, 2);
            model.signalDaysProperty().addListener((obs, old, now) -> renderSignals(now));
        }
        Label attentionTitle = new Label("Negative calls needing attention, most urgent first");
        attentionTitle.getStyleClass().add(Styles.TITLE_4);
        setUpAttentionTable();
        VBox body = new VBox(16, headline, grid, attentionTitle, attention);
        body.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.overviewProperty().addListener((obs, old, now) -> render(now));
    }

    /** The sentiment workspace's headline shows the alerts still open, which the alerts workspace counts. */
    public void showOpenAlerts(javafx.beans.value.ObservableIntegerValue open) {
        headline.showOpenAlerts(open);
    }

    private HBox periodBar() {
        ToggleGroup group = new ToggleGroup();
        HBox presets = new HBox();
        presets.getStyleClass().add("segmented");
        for (int days : new int[] {7, 30, 90}) {
            ToggleButton b = new ToggleButton(days + " days");
            b.setId("period" + days);
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                LocalDate today = LocalDate.now(model.zone());
                model.periodProperty().set(SentimentPeriod.lastDays(days, today));
            });
            b.setSelected(model.periodProperty().get().days() == days);
            presets.getChildren().add(b);
        }
        presets.getChildren().get(0).getStyleClass().add(Styles.LEFT_PILL);
        presets.getChildren().get(1).getStyleClass().add(Styles.CENTER_PILL);
        presets.getChildren().get(2).getStyleClass().add(Styles.RIGHT_PILL);
        DatePicker from = com.voxanne.ops.ui.DateFields.picker("From", model.periodProperty().get().from());
        DatePicker to = com.voxanne.ops.ui.DateFields.picker("To", model.periodProperty().get().to());
        Runnable custom = () -> {
            if (from.getValue() != null && to.getValue() != null && !to.getValue().isBefore(from.getValue())) {
                SentimentPeriod chosen = new SentimentPeriod(from.getValue(), to.getValue());
                if (!chosen.equals(model.periodProperty().get())) {
                    group.selectToggle(null);
                    model.periodProperty().set(chosen);
                }
            }
        };
        from.valueProperty().addListener((obs, o, n) -> custom.run());
        to.valueProperty().addListener((obs, o, n) -> custom.run());
        model.periodProperty().addListener((obs, o, p) -> {
            from.setValue(p.from());
            to.setValue(p.to());
        });
        var busy = com.voxanne.ops.ui.StatusWidgets.busy(model.loadingProperty());
        var error = com.voxanne.ops.ui.StatusWidgets.error(model.errorProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, new Label("Period"), presets, from, new Label("to"), to, busy, error, grow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    private void render(SentimentService.Overview o) {
        if (o == null) {
            return;
        }
        headline.show(o.totals(), o.previousTotals(), model.periodProperty().get().days());
        // Mix: one series per label, each bar painted by its label, so it matches the pills elsewhere.
        mix.getData().clear();
        score.getData().clear();
        XYChart.Series<String, Number> trend = new XYChart.Series<>();
        Map<String, XYChart.Series<String, Number>> byLabel = new LinkedHashMap<>();
        for (String label : LABELS) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(CallFormats.label(label));
            byLabel.put(label, s);
        }
        List<String> days = o.mix().stream().map(b -> DAY.format(b.day())).toList();
        com.voxanne.ops.ui.ChartKeys.horizontalLabels((CategoryAxis) mix.getXAxis(), days);
        com.voxanne.ops.ui.ChartKeys.horizontalLabels((CategoryAxis) score.getXAxis(), days);
        for (SentimentDao.Bucket b : o.mix()) {
            String category = DAY.format(b.day());
            add(byLabel.get("positive"), category, b.positive(), "positive", () -> model.showCallsOf(b.day(), "positive"));
            add(byLabel.get("neutral"), category, b.neutral(), "neutral", () -> model.showCallsOf(b.day(), "neutral"));
            add(byLabel.get("negative"), category, b.negative(), "negative", () -> model.showCallsOf(b.day(), "negative"));
            if (b.averageScore() != null) {
                trend.getData().add(new XYChart.Data<>(category, b.averageScore()));
            }
        }
        mix.getData().addAll(byLabel.values());
        score.getData().add(trend);

        urgency.getData().clear();
        XYChart.Series<String, Number> urgencies = new XYChart.Series<>();
        for (String u : URGENCIES) {
            long n = o.urgencies().stream().filter(c -> u.equals(c.value())).mapToLong(SentimentDao.Count::calls).sum();
            add(urgencies, CallFormats.label(u), n, u, () -> model.showCallsWithUrgency(u));
        }
        com.voxanne.ops.ui.ChartKeys.horizontalLabels((CategoryAxis) urgency.getXAxis(), URGENCIES.stream().map(CallFormats::label).toList());
        urgency.getData().add(urgencies);

        directions.getData().clear();
        List<String> present = new java.util.ArrayList<>(STATUSES);
        present.retainAll(o.directionAndStatus().stream().map(SentimentDao.Pair::second).toList());
        // A status the platform adds later still shows, after the known ones, in the neutral colour.
        new TreeSet<>(o.directionAndStatus().stream().map(SentimentDao.Pair::second).toList()).stream()
                .filter(st -> !STATUSES.contains(st)).forEach(present::add);
        for (String status : present) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(CallFormats.label(status));
            for (String direction : List.of("inbound", "outbound")) {
                long n = o.directionAndStatus().stream().filter(p -> p.first().equals(direction) && p.second().equals(status))
                        .mapToLong(SentimentDao.Pair::calls).sum();
                add(s, CallFormats.label(direction), n, STATUSES.contains(status) ? status : "other", () -> model.showCallsWith(direction, status));
            }
            directions.getData().add(s);
        }
        com.voxanne.ops.ui.ChartKeys.horizontalLabels((CategoryAxis) directions.getXAxis(), List.of(CallFormats.label("inbound"), CallFormats.label("outbound")));
        statusLegend.getChildren().setAll(com.voxanne.ops.ui.ChartKeys.legend(
                present.stream().map(st -> STATUSES.contains(st) ? st : "other").distinct().toList(), CallFormats::label));
        attention.getItems().setAll(o.needingAttention());
    }

    /** One bar a day, a segment per kind of signal; a segment opens exactly its calls. */
    private void renderSignals(List<SignalDay> days) {
        signals.getData().clear();
        SentimentPeriod p = model.periodProperty().get();
        List<LocalDate> dates = p.from().datesUntil(p.to().plusDays(1)).toList();
        com.voxanne.ops.ui.ChartKeys.horizontalLabels((CategoryAxis) signals.getXAxis(), dates.stream().map(DAY::format).toList());
        for (SignalKind kind : SignalKind.values()) {
            XYChart.Series<String, Number> s = new XYChart.Series<>();
            s.setName(kind.label());
            for (SignalDay d : days) {
                if (d.signalKind() == kind && !d.day().isBefore(p.from()) && !d.day().isAfter(p.to())) {
                    add(s, DAY.format(d.day()), d.calls(), kind.key(), () -> model.showCallsWithSignal(d.day(), kind));
                }
            }
            signals.getData().add(s);
        }
        signalKinds.getChildren().clear();
        for (SignalKind kind : SignalKind.values()) {
            long n = days.stream().filter(d -> d.signalKind() == kind && !d.day().isBefore(p.from()) && !d.day().isAfter(p.to()))
                    .mapToLong(SignalDay::calls).sum();
            Region swatch = new Region();
            swatch.getStyleClass().add("chart-swatch");
            swatch.setStyle("-fx-background-color: " + com.voxanne.ops.ui.ChartKeys.variable(kind.key()) + ";");
            swatch.setMinSize(12, 12);
            swatch.setMaxSize(12, 12);
            Label name = new Label(kind.label(), swatch);
            name.setGraphicTextGap(8);
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Label count = new Label(n + (n == 1 ? " call" : " calls"));
            count.getStyleClass().add(Styles.TEXT_MUTED);
            HBox line = new HBox(8, name, grow, count);
            line.setAlignment(Pos.CENTER_LEFT);
            line.setPadding(new Insets(6, 8, 6, 8));
            line.getStyleClass().add("signal-kind-line");
            line.setCursor(Cursor.HAND);
            Tooltip.install(line, new Tooltip("The period's calls with this signal — click to see them"));
            line.setOnMouseClicked(e -> model.showCallsWithSignal(kind));
            signalKinds.getChildren().add(line);
        }
    }

    /** A data point whose bar opens the calls behind it. The node exists only once the chart has laid it out. */
    private static void add(XYChart.Series<String, Number> series, String category, long value, String key, Runnable drillDown) {
        XYChart.Data<String, Number> d = new XYChart.Data<>(category, value);
        com.voxanne.ops.ui.ChartKeys.paint(d, key);
        d.nodeProperty().addListener((obs, old, node) -> wire(node, category + ": " + value + " call" + (value == 1 ? "" : "s"), drillDown));
        series.getData().add(d);
    }

    private static void wire(Node node, String tip, Runnable drillDown) {
        if (node == null) {
            return;
        }
        node.setCursor(Cursor.HAND);
        Tooltip.install(node, new Tooltip(tip + " — click to see them"));
        node.setOnMouseClicked(e -> drillDown.run());
    }

    private void setUpAttentionTable() {
        attention.setId("attentionCalls");
        attention.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        attention.setPrefHeight(320);
        attention.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        attention.getColumns().add(column("Time", c -> CallFormats.shortTime(c.createdAt(), model.zone()), 110));
        attention.getColumns().add(column("Caller", c -> CallFormats.who(c.callerName()), 150));
        TableColumn<SentimentDao.AttentionCall, String> u = column("Urgency", SentimentDao.AttentionCall::sentimentUrgency, 90);
        u.setCellFactory(col -> new com.voxanne.ops.ui.PillCell<>("urgency-"));
        attention.getColumns().add(u);
        attention.getColumns().add(column("Score", c -> CallFormats.score(c.sentimentScore()), 60));
        attention.getColumns().add(column("Summary", c -> c.summary() == null ? "" : c.summary(), 500));
        attention.setPlaceholder(new Label("No negative calls in this period."));
        attention.setRowFactory(tv -> {
            var row = new javafx.scene.control.TableRow<SentimentDao.AttentionCall>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && row.getItem() != null) {
                    model.showAttentionCall(row.getItem());
                }
            });
            return row;
        });
    }

    private static TableColumn<SentimentDao.AttentionCall, String> column(String name,
            java.util.function.Function<SentimentDao.AttentionCall, String> value, double width) {
        TableColumn<SentimentDao.AttentionCall, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }
}
