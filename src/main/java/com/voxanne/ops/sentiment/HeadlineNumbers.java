package com.voxanne.ops.sentiment;

import atlantafx.base.theme.Styles;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.value.ObservableIntegerValue;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The row above the charts: calls, the share of negative calls, the average sentiment score and
 * the open alerts, each with its change against the period before (of the same length), so the
 * first glance says whether things are better or worse. A change is coloured by what it means,
 * not by its sign: fewer negative calls is good news, a lower score bad news.
 */
final class HeadlineNumbers extends HBox {

    /** Whether a rise is good news, bad news or neither (more calls is neither). */
    enum Reading { HIGHER_IS_BETTER, LOWER_IS_BETTER, NEUTRAL }

    private final Figure calls = new Figure("headlineCalls", "Calls");
    private final Figure negative = new Figure("headlineNegative", "Negative");
    private final Figure score = new Figure("headlineScore", "Average score");
    private final Figure alerts = new Figure("headlineAlerts", "Open alerts");

    HeadlineNumbers() {
        super(12);
        getStyleClass().add("headline-numbers");
        getChildren().addAll(calls, negative, score, alerts);
        for (var f : getChildren()) {
            HBox.setHgrow(f, Priority.ALWAYS);
        }
        alerts.change.setText("to acknowledge, now");
        // A bundle under review holds no alerts: the figure shows only where there is a count.
        alerts.setVisible(false);
        alerts.setManaged(false);
    }

    void show(SentimentDao.Totals now, SentimentDao.Totals before, long days) {
        String versus = "the previous " + (days == 1 ? "day" : days + " days");
        calls.set(String.format(Locale.UK, "%,d", now.calls()), change(now.calls(), before.calls(), versus), Reading.NEUTRAL,
                Long.compare(now.calls(), before.calls()));
        Double share = share(now);
        Double shareBefore = share(before);
        negative.set(share == null ? "—" : percent(share), points(share, shareBefore, versus), Reading.LOWER_IS_BETTER,
                share == null || shareBefore == null ? 0 : Double.compare(round1(share), round1(shareBefore)));
        score.set(now.averageScore() == null ? "—" : now.averageScore().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString(),
                scoreChange(now.averageScore(), before.averageScore(), versus), Reading.HIGHER_IS_BETTER,
                now.averageScore() == null || before.averageScore() == null ? 0
                        : now.averageScore().setScale(2, java.math.RoundingMode.HALF_UP)
                                .compareTo(before.averageScore().setScale(2, java.math.RoundingMode.HALF_UP)));
    }

    /** The open alerts are a count of now, kept by the alerts workspace. */
    void showOpenAlerts(ObservableIntegerValue open) {
        alerts.value.textProperty().bind(javafx.beans.binding.Bindings.format(Locale.UK, "%,d", open));
        alerts.setVisible(true);
        alerts.setManaged(true);
    }

    /** The share of judged calls that were negative, or null when none were judged. */
    static Double share(SentimentDao.Totals t) {
        return t.labelled() == 0 ? null : (double) t.negative() / t.labelled();
    }

    static String change(long now, long before, String versus) {
        if (before == 0) {
            return "none in " + versus;
        }
        long pct = Math.round(100.0 * (now - before) / before);
        return pct == 0 ? "same as " + versus : (pct > 0 ? "▲ " : "▼ ") + Math.abs(pct) + " % vs " + versus;
    }

    static String points(Double now, Double before, String versus) {
        if (now == null || before == null) {
            return "nothing to compare in " + versus;
        }
        double diff = round1(now) - round1(before);
        if (Math.abs(diff) < 0.05) {
            return "same as " + versus;
        }
        return (diff > 0 ? "▲ " : "▼ ") + String.format(Locale.UK, "%.1f", Math.abs(diff)) + " points vs " + versus;
    }

    static String scoreChange(BigDecimal now, BigDecimal before, String versus) {
        if (now == null || before == null) {
            return "nothing to compare in " + versus;
        }
        BigDecimal diff = now.setScale(2, java.math.RoundingMode.HALF_UP).subtract(before.setScale(2, java.math.RoundingMode.HALF_UP));
        if (diff.signum() == 0) {
            return "same as " + versus;
        }
        return (diff.signum() > 0 ? "▲ " : "▼ ") + diff.abs().toPlainString() + " vs " + versus;
    }

    private static double round1(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    private static String percent(double share) {
        return String.format(Locale.UK, "%.1f %%", share * 100);
    }

    /** One number: its name, the figure, and its change underneath. */
    private static final class Figure extends VBox {
        private final Label value = new Label("—");
        private final Label change = new Label();

        Figure(String id, String name) {
            super(2);
            setId(id);
            getStyleClass().add("headline-figure");
            Label title = new Label(name);
            title.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            value.getStyleClass().addAll(Styles.TITLE_2, "headline-value");
            value.setId(id + "Value");
            change.getStyleClass().addAll(Styles.TEXT_SMALL, "headline-change");
            change.setId(id + "Change");
            getChildren().addAll(title, value, change);
            setMaxWidth(Double.MAX_VALUE);
        }

        void set(String figure, String changeText, Reading reading, int direction) {
            value.setText(figure);
            change.setText(changeText);
            change.getStyleClass().removeAll("change-good", "change-bad");
            if (reading != Reading.NEUTRAL && direction != 0) {
                boolean good = (direction > 0) == (reading == Reading.HIGHER_IS_BETTER);
                change.getStyleClass().add(good ? "change-good" : "change-bad");
            }
        }
    }
}
