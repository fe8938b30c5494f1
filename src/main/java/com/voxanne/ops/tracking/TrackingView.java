package com.voxanne.ops.tracking;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.StatusWidgets;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;

/** Where callers came from: calls by source and campaign, devices, and the numbers behind the charts. */
public final class TrackingView extends BorderPane {

    private final BarChart<Number, String> sources = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final BarChart<Number, String> campaigns = new BarChart<>(new NumberAxis(), new CategoryAxis());
    private final PieChart devices = new PieChart();
    private final TableView<TrackingService.Group> sourceTable = groupTable("trackingSources", "Source");
    private final TableView<TrackingService.Group> campaignTable = groupTable("trackingCampaigns", "Campaign");

    public TrackingView(TrackingViewModel model) {
        setId("trackingWorkspace");
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(8);
        for (int d : List.of(7, 30, 90)) {
            ToggleButton b = new ToggleButton("Last " + d + " days");
            b.setToggleGroup(group);
            b.setSelected(d == model.daysProperty().get());
            b.setOnAction(e -> {
                b.setSelected(true);
                model.daysProperty().set(d);
            });
            bar.getChildren().add(b);
        }
        Label error = StatusWidgets.error(model.errorProperty());
        bar.getChildren().addAll(StatusWidgets.busy(model.loadingProperty()), error);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");
        setTop(bar);

        sources.setTitle("Calls by source");
        campaigns.setTitle("Calls by campaign");
        devices.setTitle("Visits by device");
        for (BarChart<Number, String> c : List.of(sources, campaigns)) {
            c.setAnimated(false);
            c.setLegendVisible(false);
            c.setPrefHeight(320);
            // Whole numbers only, so a narrow chart does not crowd its axis with "12.5".
            ((javafx.scene.chart.NumberAxis) c.getXAxis()).setMinorTickVisible(false);
            ((javafx.scene.chart.NumberAxis) c.getXAxis()).setTickLabelFormatter(WHOLE);
        }
        devices.setAnimated(false);
        // Each slice is labelled; the stock legend would colour its symbols by position instead.
        devices.setLegendVisible(false);
        devices.setPrefHeight(320);
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints third = new ColumnConstraints();
        third.setPercentWidth(100.0 / 3);
        grid.getColumnConstraints().addAll(third, third, third);
        grid.add(withLegend(sources), 0, 0);
        grid.add(withLegend(campaigns), 1, 0);
        grid.add(com.voxanne.ops.ui.ChartKeys.titled(devices, null), 2, 0);
        grid.add(section("Sources", sourceTable), 0, 1);
        grid.add(section("Campaigns", campaignTable), 1, 1, 2, 1);
        grid.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.summaryProperty().addListener((obs, old, s) -> render(s));
    }

    private static final javafx.util.StringConverter<Number> WHOLE = new javafx.util.StringConverter<>() {
        @Override
        public String toString(Number n) {
            return n.doubleValue() == Math.rint(n.doubleValue()) ? String.format(Locale.UK, "%,d", n.longValue()) : "";
        }

        @Override
        public Number fromString(String s) {
            return Long.parseLong(s.replace(",", ""));
        }
    };

    private static javafx.scene.layout.VBox withLegend(BarChart<Number, String> chart) {
        return com.voxanne.ops.ui.ChartKeys.titled(chart,
                com.voxanne.ops.ui.ChartKeys.legend(List.of("calls", "positive"), k -> k.equals("calls") ? "Calls" : "Went well"));
    }

    private void render(TrackingService.Summary s) {
        fill(sources, s.sources());
        fill(campaigns, s.campaigns());
        devices.getData().setAll(s.devices().stream()
                .map(g -> new PieChart.Data(com.voxanne.ops.ui.PlainWords.words(g.name()) + " (" + String.format(Locale.UK, "%,d", g.visits()) + ")", g.visits())).toList());
        // Devices are kinds, not grades: the theme's categorical colours, one per device wherever it is listed.
        for (int i = 0; i < devices.getData().size(); i++) {
            String device = s.devices().get(i).name();
            String colour = switch (device) {
                case "mobile" -> "-color-chart-5";
                case "desktop" -> "-color-chart-4";
                case "tablet" -> "-color-chart-6";
                default -> "-color-chart-8";
            };
            PieChart.Data slice = devices.getData().get(i);
            java.util.function.Consumer<javafx.scene.Node> paint = n -> n.setStyle("-fx-pie-color: " + colour + ";");
            if (slice.getNode() != null) {
                paint.accept(slice.getNode());
            }
            slice.nodeProperty().addListener((obs, old, n) -> {
                if (n != null) {
                    paint.accept(n);
                }
            });
        }
        sourceTable.getItems().setAll(s.sources());
        campaignTable.getItems().setAll(s.campaigns());
    }

    private static void fill(BarChart<Number, String> chart, List<TrackingService.Group> groups) {
        XYChart.Series<Number, String> calls = new XYChart.Series<>();
        calls.setName("Calls");
        XYChart.Series<Number, String> positive = new XYChart.Series<>();
        positive.setName("Went well");
        // Largest at the top: a category axis lists from the bottom up.
        for (int i = Math.min(groups.size(), 8) - 1; i >= 0; i--) {
            var g = groups.get(i);
            String name = com.voxanne.ops.ui.PlainWords.words(g.name());
            var call = new XYChart.Data<Number, String>(g.calls(), name);
            var well = new XYChart.Data<Number, String>(g.positive(), name);
            com.voxanne.ops.ui.ChartKeys.paint(call, "calls");
            com.voxanne.ops.ui.ChartKeys.paint(well, "positive");
            calls.getData().add(call);
            positive.getData().add(well);
        }
        chart.getData().setAll(List.of(calls, positive));
        long largest = groups.stream().limit(8).mapToLong(TrackingService.Group::calls).max().orElse(0);
        com.voxanne.ops.ui.ChartKeys.countAxis((javafx.scene.chart.NumberAxis) chart.getXAxis(), largest, 4);
    }

    private static TableView<TrackingService.Group> groupTable(String id, String what) {
        TableView<TrackingService.Group> t = Columns.table(id, "Nothing tracked in this period.",
                Columns.text(what, g -> com.voxanne.ops.ui.PlainWords.words(g.name()), 150),
                Columns.text("Visits", g -> String.format(Locale.UK, "%,d", g.visits()), 80),
                Columns.text("Calls", g -> String.format(Locale.UK, "%,d", g.calls()), 80),
                Columns.text("Went well", g -> g.calls() == 0 ? "" : String.format(Locale.UK, "%,d (%d %%)", g.positive(),
                        Math.round(100.0 * g.positive() / g.calls()))));
        t.setPrefHeight(300);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.getStyleClass().add(Styles.BORDERED);
        return t;
    }

    private static javafx.scene.layout.VBox section(String title, javafx.scene.Node content) {
        Label head = new Label(title);
        head.getStyleClass().add(Styles.TITLE_4);
        return new javafx.scene.layout.VBox(8, head, content);
    }
}
