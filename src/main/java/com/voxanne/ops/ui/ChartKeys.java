package com.voxanne.ops.ui;

import java.util.List;
import java.util.function.Function;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;

/**
 * The console's one chart language. A bar's colour comes from what it counts, never from the
 * order its series happened to be added in: "critical" is red, "completed" green and "pending"
 * amber in every chart, in the console and in offline review, light or dark. The colours are
 * theme variables ({@code -chart-*} in console.css, defined from AtlantaFX's {@code -color-*}), so
 * a theme change recolours every chart. Legends are drawn here, from the same keys, because the
 * stock legend colours its symbols by series index.
 */
public final class ChartKeys {

    private ChartKeys() {
    }

    /**
     * Colours the point's bar by {@code key} ("positive", "critical", "completed", "in_progress" …)
     * once the chart has made it. An inline style naming the theme variable, because a chart
     * resets its bars' style classes whenever it re-indexes its series.
     */
    public static void paint(XYChart.Data<?, ?> data, String key) {
        String colour = variable(key);
        String style = "-fx-bar-fill: " + colour + "; -fx-background-color: " + colour + ";";
        if (data.getNode() != null) {
            data.getNode().setStyle(style);
        }
        data.nodeProperty().addListener((obs, old, node) -> {
            if (node != null) {
                node.setStyle(style);
            }
        });
    }

    /** The theme variable of a key: {@code -chart-in-progress} for "in_progress". */
    public static String variable(String key) {
        return "-chart-" + key.replace('_', '-');
    }

    /**
     * A chart under a header line: its title on the left, its legend (if any) on the right. (Below the chart
     * the legend would sit under the band a category axis keeps for labels on their side.)
     */
    public static javafx.scene.layout.VBox titled(javafx.scene.chart.Chart chart, Node legend) {
        Label title = new Label(chart.getTitle());
        title.getStyleClass().add("chart-heading");
        title.setMinWidth(Region.USE_PREF_SIZE);
        chart.setTitle(null);
        chart.setLegendVisible(false);
        Region grow = new Region();
        javafx.scene.layout.HBox.setHgrow(grow, javafx.scene.layout.Priority.ALWAYS);
        javafx.scene.layout.HBox head = new javafx.scene.layout.HBox(12, title, grow, legend == null ? new Region() : legend);
        head.setAlignment(Pos.CENTER_LEFT);
        head.setPadding(new javafx.geometry.Insets(4, 8, 0, 8));
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(0, head, chart);
        javafx.scene.layout.VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    /** A legend of swatches in the keys' colours, each with its readable name. */
    public static Node legend(List<String> keys, Function<String, String> name) {
        FlowPane legend = new FlowPane(14, 4);
        legend.getStyleClass().add("chart-legend-keys");
        legend.setAlignment(Pos.CENTER_RIGHT);
        for (String key : keys) {
            Region swatch = new Region();
            swatch.getStyleClass().add("chart-swatch");
            swatch.setStyle("-fx-background-color: " + variable(key) + ";");
            swatch.setMinSize(10, 10);
            swatch.setPrefSize(10, 10);
            swatch.setMaxSize(10, 10);
            Label label = new Label(name.apply(key), swatch);
            label.getStyleClass().add("chart-legend-key");
            legend.getChildren().add(label);
        }
        return legend;
    }

    /**
     * A date axis read as a person reads one: labels stay horizontal, and when they do not all fit
     * the axis shows every second (third …) one, which JavaFX's axis does by itself as long as it
     * is not left to range itself: a self-ranging category axis turns crowded labels on their side
     * instead. So the chart's categories are given, in order.
     */
    public static void horizontalLabels(CategoryAxis axis, List<String> categories) {
        axis.setAutoRanging(false);
        axis.setTickLabelRotation(0);
        axis.setCategories(javafx.collections.FXCollections.observableArrayList(categories));
    }

    /**
     * A count axis from 0 with at most about {@code ticks} round steps (1, 2 or 5 times a power of
     * ten): a narrow chart's axis left to itself crowds its labels into one another.
     */
    public static void countAxis(javafx.scene.chart.NumberAxis axis, long largest, int ticks) {
        double step = roundStep(Math.max(1, largest) / (double) Math.max(1, ticks));
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setTickUnit(step);
        axis.setUpperBound(Math.max(step, Math.ceil(Math.max(1, largest) / step) * step));
        axis.setMinorTickVisible(false);
    }

    /** The round step (1, 2 or 5 times a power of ten, at least 1) just above {@code raw}. */
    static double roundStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(1, raw))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return m * power;
            }
        }
        return 10 * power;
    }
}
