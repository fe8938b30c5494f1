package com.voxanne.ops.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.time.ZoneId;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 15, one chart language: every bar is coloured by what it counts (critical red, each
 * status its own colour whatever order the statuses come in), date labels lie flat, and the
 * headline numbers agree with the database.
 */
class SentimentChartsTest {

    private static final UUID ORG = TestWorkspace.orgId("Brightside Physiotherapy");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final FxRobot robot = new FxRobot();

    @Test
    @SuppressWarnings("unchecked")
    void barsAreColouredByWhatTheyCountAndTheHeadlineAgreesWithTheDatabase() throws Exception {
        var service = new SentimentService(TestWorkspace.as("brightside", "user").jdbi());
        var model = new SentimentViewModel(service, Runnable::run, Runnable::run, ORG, LONDON, TestWorkspace.ANCHOR.minusDays(1), f -> { });
        model.periodProperty().set(SentimentPeriod.lastDays(30, TestWorkspace.ANCHOR.minusDays(1)));
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage((Stage stage) -> {
            SentimentView view = new SentimentView(model);
            view.showOpenAlerts(new javafx.beans.property.SimpleIntegerProperty(7));
            Scene scene = new Scene(view, 1366, 900);
            scene.getStylesheets().add(com.voxanne.ops.ui.Themes.class.getResource("/css/console.css").toExternalForm());
            stage.setScene(scene);
            stage.show();
            model.refresh();
        });
        try {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                XYChart<String, Number> urgency = robot.lookup("#urgencyChart").queryAs(XYChart.class);
                var critical = urgency.getData().get(0).getData().stream().filter(d -> d.getXValue().equals("critical")).findFirst().orElseThrow();
                assertThat(critical.getNode().getStyle()).contains("-fx-bar-fill: -chart-critical;");

                XYChart<String, Number> status = robot.lookup("#statusChart").queryAs(XYChart.class);
                for (XYChart.Series<String, Number> series : status.getData()) {
                    String colour = "-fx-bar-fill: -chart-" + series.getName().replace(' ', '-') + ";";
                    assertThat(series.getData()).allMatch(d -> d.getNode().getStyle().contains(colour));
                }

                XYChart<String, Number> mix = robot.lookup("#sentimentMix").queryAs(XYChart.class);
                CategoryAxis days = (CategoryAxis) mix.getXAxis();
                assertThat(days.getTickLabelRotation()).as("date labels lie flat").isZero();
                assertThat(days.getCategories()).hasSizeGreaterThan(20);
                long shown = days.getTickMarks().stream().filter(m -> m.isTextVisible()).count();
                // About 30 dates in half of 1,366 px do not fit side by side: some are left out, none turned.
                assertThat(shown).as("a crowded axis shows some of its dates, not all on their side")
                        .isGreaterThanOrEqualTo(2L).isLessThan((long) days.getCategories().size());
            });

            var p = model.periodProperty().get();
            long[] expected = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                            select count(*) as calls, count(*) filter (where sentiment_label = 'negative') as negative, count(sentiment_label) as labelled
                            from calls where org_id = :o and created_at >= :from and created_at < :to""")
                    .bind("o", ORG).bind("from", p.startInstant(LONDON).atOffset(java.time.ZoneOffset.UTC))
                    .bind("to", p.endInstant(LONDON).atOffset(java.time.ZoneOffset.UTC))
                    .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).one());
            assertThat(text("#headlineCallsValue")).isEqualTo(String.format(java.util.Locale.UK, "%,d", expected[0]));
            assertThat(text("#headlineNegativeValue")).isEqualTo(String.format(java.util.Locale.UK, "%.1f %%", 100.0 * expected[1] / expected[2]));
            assertThat(text("#headlineCallsChange")).matches("(▲|▼) \\d+ % vs the previous 30 days|same as the previous 30 days");
            assertThat(text("#headlineAlertsValue")).isEqualTo("7");
        } finally {
            FxToolkit.cleanupStages();
        }
    }

    @Test
    void aChangeIsSaidInWordsAndAFallInNegativeCallsIsGoodNews() {
        assertThat(HeadlineNumbers.change(110, 100, "the previous 7 days")).isEqualTo("▲ 10 % vs the previous 7 days");
        assertThat(HeadlineNumbers.change(5, 0, "the previous 7 days")).isEqualTo("none in the previous 7 days");
        assertThat(HeadlineNumbers.points(0.10, 0.125, "the previous 7 days")).isEqualTo("▼ 2.5 points vs the previous 7 days");
        assertThat(HeadlineNumbers.points(null, 0.1, "the previous day")).isEqualTo("nothing to compare in the previous day");
        assertThat(HeadlineNumbers.scoreChange(new java.math.BigDecimal("0.612"), new java.math.BigDecimal("0.608"), "the previous day"))
                .isEqualTo("same as the previous day");
    }

    private String text(String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = robot.lookup(id).queryAs(Label.class).getText());
        return t[0];
    }
}
