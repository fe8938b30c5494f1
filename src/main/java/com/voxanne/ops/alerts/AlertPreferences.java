package com.voxanne.ops.alerts;

import com.voxanne.ops.prefs.UserPreferences;
import java.math.BigDecimal;
import java.util.concurrent.Executor;

/**
 * What a supervisor set in the alerts workspace and finds again at the next start: the sentiment
 * score below which a call counts as negative, and the period the list covers.
 */
public final class AlertPreferences {

    static final String NEGATIVE_BELOW = "alerts.negativeBelow";
    static final String PERIOD = "alerts.period";

    private AlertPreferences() {
    }

    /** Sets the model from the preferences and keeps them in step; the file is written on {@code background}. */
    public static void remember(AlertsViewModel alerts, UserPreferences preferences, Executor background) {
        try {
            alerts.negativeBelowProperty().set(new BigDecimal(preferences.get(NEGATIVE_BELOW, AlertsViewModel.DEFAULT_NEGATIVE_BELOW.toPlainString())));
        } catch (NumberFormatException unreadable) {
            // A hand-edited file: keep the default.
        }
        try {
            alerts.periodProperty().set(AlertsViewModel.Period.valueOf(preferences.get(PERIOD, AlertsViewModel.Period.DAY.name())));
        } catch (IllegalArgumentException unknown) {
            // A period an older or newer console remembered: keep the default.
        }
        alerts.negativeBelowProperty().addListener((obs, old, now) -> {
            preferences.put(NEGATIVE_BELOW, now.toPlainString());
            background.execute(preferences::save);
        });
        alerts.periodProperty().addListener((obs, old, now) -> {
            preferences.put(PERIOD, now.name());
            background.execute(preferences::save);
        });
    }
}
