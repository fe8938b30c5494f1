package com.voxanne.ops.appointments;

import atlantafx.base.theme.Styles;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A month as a calendar grid, Monday first: every day with its number of appointments, a bar for
 * how busy it is beside the busiest day, and its no-shows and cancellations. A day is a button:
 * clicking it (or Enter) opens that day's agenda.
 */
final class MonthGrid extends GridPane {

    private final ObservableList<DayLoad> days;
    private final Consumer<LocalDate> openDay;
    private final Supplier<LocalDate> today;

    MonthGrid(ObservableList<DayLoad> days, Consumer<LocalDate> openDay, Supplier<LocalDate> today) {
        this.days = days;
        this.openDay = openDay;
        this.today = today;
        setId("monthGrid");
        getStyleClass().add("month-grid");
        setHgap(6);
        setVgap(6);
        for (int i = 0; i < 7; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 7);
            c.setHgrow(Priority.ALWAYS);
            getColumnConstraints().add(c);
        }
        days.addListener((ListChangeListener<DayLoad>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        getChildren().clear();
        getRowConstraints().clear();
        if (days.isEmpty()) {
            return;
        }
        RowConstraints header = new RowConstraints();
        header.setVgrow(Priority.NEVER);
        getRowConstraints().add(header);
        for (DayOfWeek d : DayOfWeek.values()) {
            Label name = new Label(d.getDisplayName(TextStyle.SHORT, Locale.UK));
            name.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            add(name, d.getValue() - 1, 0);
        }
        int busiest = Math.max(1, days.stream().mapToInt(DayLoad::total).max().orElse(1));
        int offset = days.get(0).day().getDayOfWeek().getValue() - 1;
        int weeks = (offset + days.size() + 6) / 7;
        for (int w = 0; w < weeks; w++) {
            RowConstraints r = new RowConstraints();
            r.setPercentHeight(-1);
            r.setVgrow(Priority.ALWAYS);
            r.setFillHeight(true);
            getRowConstraints().add(r);
        }
        LocalDate now = today.get();
        for (int i = 0; i < days.size(); i++) {
            int slot = offset + i;
            add(cell(days.get(i), busiest, now), slot % 7, 1 + slot / 7);
        }
    }

    private Button cell(DayLoad load, int busiest, LocalDate now) {
        Label number = new Label(Integer.toString(load.day().getDayOfMonth()));
        number.getStyleClass().add(Styles.TEXT_BOLD);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label total = new Label(load.total() == 0 ? "" : String.format(Locale.UK, "%,d", load.total()));
        total.getStyleClass().add(Styles.TITLE_4);
        HBox top = new HBox(6, number, grow, total);
        top.setAlignment(Pos.CENTER_LEFT);

        // How busy the day is beside the busiest day of the month.
        Region bar = new Region();
        bar.getStyleClass().add("month-day-bar");
        Region track = new Region();
        track.getStyleClass().add("month-day-track");
        StackPane meter = new StackPane(track, bar);
        meter.setAlignment(Pos.CENTER_LEFT);
        meter.setMinHeight(5);
        meter.setMaxHeight(5);
        bar.maxWidthProperty().bind(meter.widthProperty().multiply(load.total() / (double) busiest));

        VBox box = new VBox(6, top, meter);
        for (String line : lines(load)) {
            Label l = new Label(line);
            l.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.getChildren().add(l);
        }
        box.setFillWidth(true);

        Button b = new Button(null, box);
        b.setId("day-" + load.day());
        b.getStyleClass().add("month-day");
        if (load.day().equals(now)) {
            b.getStyleClass().add("today");
        }
        if (load.total() == 0) {
            b.getStyleClass().add("quiet");
        }
        b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        b.setAlignment(Pos.TOP_LEFT);
        box.prefWidthProperty().bind(b.widthProperty().subtract(20));
        b.setTooltip(new Tooltip("Open the appointments of " + load.day().format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK))));
        b.setOnAction(e -> openDay.accept(load.day()));
        return b;
    }

    /** Short lines: a cell is a seventh of the pane, about 100 pixels wide beside the detail pane. */
    private static List<String> lines(DayLoad load) {
        if (load.total() == 0) {
            return List.of("none");
        }
        var out = new java.util.ArrayList<String>();
        if (load.scheduled() > 0) {
            out.add(String.format(Locale.UK, "%,d scheduled", load.scheduled()));
        }
        if (load.noShows() > 0) {
            out.add(String.format(Locale.UK, "%,d no-show%s", load.noShows(), load.noShows() == 1 ? "" : "s"));
        }
        if (load.cancelled() > 0) {
            out.add(String.format(Locale.UK, "%,d cancelled", load.cancelled()));
        }
        return out;
    }
}
