package com.voxanne.ops.quality;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.ChartKeys;
import com.voxanne.ops.ui.Columns;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The Quality workspace: the headline figures, the score's trend, the questions failed most (a
 * row lists the evaluations behind it; double-click one to open its call), the scores of calls
 * with each signal against those without, and each reviewer's volume.
 */
public final class QualityView extends BorderPane {

    private final QualityViewModel model;
    private final Figure evaluations = new Figure("qualityEvaluations", "Evaluations");
    private final Figure average = new Figure("qualityAverage", "Average score");
    private final Figure passRate = new Figure("qualityPassRate", "Pass rate");
    private final Figure critical = new Figure("qualityCritical", "Critical fails");
    private final CategoryAxis days = new CategoryAxis();
    private final NumberAxis scores = new NumberAxis(0, 100, 20);
    private final LineChart<String, Number> trend = new LineChart<>(days, scores);
    private final TableView<QualityDao.FailedQuestion> failed;
    private final TableView<QualityDao.Behind> behind;
    private final TableView<QualityDao.SignalEffect> signals;
    private final TableView<QualityDao.ReviewerVolume> reviewers;

    public QualityView(QualityViewModel model) {
        this.model = model;
        setId("qualityWorkspace");
        setTop(bar());

        trend.setAnimated(false);
        trend.setLegendVisible(false);
        trend.setCreateSymbols(true);
        trend.setMinHeight(240);
        trend.setPrefHeight(270);
        trend.getStyleClass().add("score-trend");
        trend.setTitle("Average score per day");
        scores.setLabel("score");

        failed = Columns.table("failedQuestions", "No question failed in this period.",
                Columns.wide("Question", QualityDao.FailedQuestion::prompt, 190),
                Columns.text("Form", QualityDao.FailedQuestion::form, 150),
                Columns.text("Failed", q -> q.failed() + " of " + q.answered(), 80),
                Columns.text("Share", q -> percent(100 * q.failedShare()), 64),
                Columns.text("Critical", q -> q.critical() ? "Yes" : "", 70));
        failed.setPrefHeight(270);
        failed.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.questionProperty().set(now));
        model.questionProperty().addListener((obs, old, now) -> {
            if (now != failed.getSelectionModel().getSelectedItem()) {
                failed.getSelectionModel().select(now);
            }
        });

        behind = Columns.table("failingEvaluations", "Select a question above to list the evaluations that failed it.",
                Columns.text("Submitted", b -> CallFormats.shortTime(b.submittedAt(), model.zone()), 110),
                Columns.wide("Caller", b -> b.caller() == null ? "" : CallFormats.who(b.caller()), 140),
                Columns.text("Reviewer", QualityDao.Behind::reviewer, 130),
                Columns.text("Score", b -> b.score() == null ? "—" : format(b.score()) + (b.criticalFailed() ? " (critical)" : ""), 110));
        behind.setPrefHeight(260);
        behind.setItems(model.behind());
        behind.setRowFactory(t -> {
            TableRow<QualityDao.Behind> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            row.setTooltip(new Tooltip("Double-click to open the call and its evaluation"));
            return row;
        });

        signals = Columns.table("qualityBySignal", "No evaluations in this period.",
                Columns.wide("Signal", s -> SignalKind.byKey(s.kind()).map(SignalKind::label).orElse(s.kind()), 200),
                Columns.text("With", s -> s.withCount() == 0 ? "—" : format(s.withAverage()) + " (" + s.withCount() + ")", 110),
                Columns.text("Without", s -> s.withoutCount() == 0 ? "—" : format(s.withoutAverage()) + " (" + s.withoutCount() + ")", 110),
                Columns.text("Difference", s -> s.withCount() == 0 || s.withoutCount() == 0 ? ""
                        : signed(s.withAverage() - s.withoutAverage()), 100));
        signals.setPrefHeight(260);

        reviewers = Columns.table("qualityReviewers", "Nobody submitted an evaluation in this period.",
                Columns.wide("Reviewer", QualityDao.ReviewerVolume::reviewer, 180),
                Columns.text("Evaluations", r -> String.valueOf(r.evaluations()), 100),
                Columns.text("Average", r -> format(r.average()), 80),
                Columns.text("Passed", r -> percent(r.passRate()), 80),
                Columns.text("Signed off", r -> String.valueOf(r.signedOff()), 90));
        reviewers.setPrefHeight(200);

        HBox figures = new HBox(12, evaluations, average, passRate, critical);
        figures.getChildren().forEach(f -> HBox.setHgrow(f, Priority.ALWAYS));

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        ColumnConstraints half = new ColumnConstraints();
        half.setPercentWidth(50);
        grid.getColumnConstraints().addAll(half, half);
        grid.add(ChartKeys.titled(trend, null), 0, 0);
        grid.add(titled("Questions failed most", "where the agent's prompt or knowledge base may need a change", failed), 1, 0);
        grid.add(titled("Scores of calls with each signal, and without", "average score (evaluations)", signals), 0, 1);
        grid.add(titled("Evaluations behind the selected question", "double-click one to open its call", behind), 1, 1);
        grid.add(titled("Reviewers", "what each submitted in the period", reviewers), 0, 2, 2, 1);

        VBox body = new VBox(16, figures, grid);
        body.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.reportProperty().addListener((obs, old, now) -> render(now));
    }

    private HBox bar() {
        Label title = new Label("Quality");
        title.getStyleClass().add(Styles.TITLE_3);
        title.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<QualityViewModel.Period> period = new ComboBox<>();
        period.setId("qualityPeriod");
        period.getItems().setAll(QualityViewModel.Period.values());
        period.valueProperty().bindBidirectional(model.periodProperty());
        period.setMinWidth(Region.USE_PREF_SIZE);
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(18, 18);
        loading.visibleProperty().bind(model.loadingProperty());
        Label message = new Label();
        message.setId("qualityMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        Button export = new Button("Export CSV…", new FontIcon(Material2MZ.SAVE_ALT));
        export.setId("qualityExport");
        export.setTooltip(new Tooltip("One row per evaluation of the period, one column per question"));
        export.setOnAction(e -> export());
        export.disableProperty().bind(model.loadingProperty());
        export.setMinWidth(Region.USE_PREF_SIZE);
        Label sampling = new Label();
        sampling.setId("qualitySampling");
        sampling.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        sampling.setWrapText(true);
        sampling.textProperty().bind(Bindings.createStringBinding(() -> samplingWords(model.settingsProperty().get()),
                model.settingsProperty()));
        VBox words = new VBox(2, message, sampling);
        HBox.setHgrow(words, Priority.ALWAYS);
        HBox bar = new HBox(12, title, period, loading, words);
        if (model.admin()) {
            Button settings = new Button("Sampling…", new FontIcon(Material2MZ.TUNE));
            settings.setId("qualitySamplingSettings");
            settings.setTooltip(new Tooltip("The daily sample's share and the signals whose calls are always reviewed"));
            settings.setOnAction(e -> editSampling());
            settings.setMinWidth(Region.USE_PREF_SIZE);
            bar.getChildren().add(settings);
            Button forms = new Button("Forms…", new FontIcon(Material2AL.ASSIGNMENT));
            forms.setId("qualityForms");
            forms.setTooltip(new Tooltip("Design your organization's scorecards: sections, questions, weights, critical questions"));
            forms.setOnAction(e -> FormDesignerView.show(getScene().getWindow(), model.formDesigner(), getScene().getStylesheets()));
            forms.setMinWidth(Region.USE_PREF_SIZE);
            bar.getChildren().add(forms);
        }
        bar.getChildren().add(export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.getStyleClass().add("filter-bar");
        return bar;
    }

    static String samplingWords(ReviewSettings s) {
        String always = s.alwaysReview().isEmpty() ? "no signal always reviewed"
                : "always reviewed: " + String.join(", ", s.alwaysReview().stream()
                        .map(k -> SignalKind.byKey(k).map(SignalKind::label).orElse(k)).toList());
        return "Review queue: " + (s.samplePercent() == 0 ? "no daily sample" : "a " + format(s.samplePercent()) + " % daily sample")
                + " · " + always;
    }

    /** The admin's dialog for the sampling: a share and a box per signal kind. */
    private void editSampling() {
        ReviewSettings now = model.settingsProperty().get();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle("Review sampling");
        dialog.setHeaderText("Which calls wait for review");
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        Spinner<Double> share = new Spinner<>(0.0, 100.0, now.samplePercent(), 0.5);
        share.setId("samplePercent");
        share.setEditable(true);
        VBox kinds = new VBox(6);
        List<CheckBox> boxes = new ArrayList<>();
        for (SignalKind k : SignalKind.values()) {
            CheckBox box = new CheckBox(k.label());
            box.setUserData(k.key());
            box.setSelected(now.alwaysReview().contains(k.key()));
            boxes.add(box);
            kinds.getChildren().add(box);
        }
        Label shareLabel = new Label("Share of each day's completed calls, in %");
        Label kindsLabel = new Label("Always review the calls with");
        Label note = new Label("The same calls are chosen whichever console asks: a hash of each call's id decides.");
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        VBox body = new VBox(8, shareLabel, share, kindsLabel, kinds, note);
        body.setPrefWidth(380);
        dialog.getDialogPane().setContent(body);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.saveSampling(share.getValue(),
                boxes.stream().filter(CheckBox::isSelected).map(c -> (String) c.getUserData()).toList()));
    }

    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export evaluations");
        chooser.setInitialFileName("evaluations-" + LocalDate.now(model.zone()) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV for spreadsheets", "*.csv"));
        var file = chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            Path path = file.toPath();
            model.export(path.getFileName().toString().contains(".") ? path : path.resolveSibling(path.getFileName() + ".csv"), s -> { });
        }
    }

    private void render(QualityReport r) {
        if (r == null) {
            return;
        }
        QualityDao.Summary s = r.summary();
        evaluations.set(String.format(Locale.UK, "%,d", s.evaluations()), s.signedOff() + " signed off");
        average.set(s.average() == null ? "—" : format(s.average()), "out of 100, critical fails count as 0");
        passRate.set(s.passRate() == null ? "—" : percent(s.passRate()), "at or above the pass mark, no critical fail");
        critical.set(String.format(Locale.UK, "%,d", s.criticalFailed()), s.evaluations() == 0 ? "" : "evaluations failed on a critical question");
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", Locale.UK);
        for (QualityDao.Day d : r.days()) {
            if (d.average() != null) {
                series.getData().add(new XYChart.Data<>(d.day().format(day), d.average()));
            }
        }
        trend.getData().setAll(List.of(series));
        failed.getItems().setAll(r.failedQuestions());
        signals.getItems().setAll(r.signals());
        reviewers.getItems().setAll(r.reviewers());
    }

    private static VBox titled(String title, String note, Region body) {
        Label head = new Label(title);
        head.getStyleClass().add("chart-heading");
        Label small = new Label(note);
        small.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(4, head, small, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        return box;
    }

    static String format(Double score) {
        if (score == null) {
            return "—";
        }
        return score % 1 == 0 ? String.valueOf(score.intValue()) : String.format(Locale.UK, "%.1f", score);
    }

    static String percent(Double share) {
        return share == null ? "—" : format(share) + " %";
    }

    private static String signed(double difference) {
        return (difference > 0 ? "+" : difference < 0 ? "−" : "") + format(Math.abs(difference));
    }

    /** A headline figure: its name, its value, and a line under it. */
    private static final class Figure extends VBox {
        private final Label value = new Label("—");
        private final Label note = new Label();

        Figure(String id, String name) {
            super(2);
            setId(id);
            getStyleClass().add("headline-figure");
            Label label = new Label(name);
            label.getStyleClass().add(Styles.TEXT_MUTED);
            value.getStyleClass().add(Styles.TITLE_2);
            value.setId(id + "Value");
            note.getStyleClass().addAll("headline-change", Styles.TEXT_SMALL);
            note.setWrapText(true);
            getChildren().addAll(label, value, note);
        }

        void set(String shown, String under) {
            value.setText(shown);
            note.setText(under);
        }
    }
}
