package com.voxanne.ops.app;

import com.voxanne.ops.alerts.Alert;
import com.voxanne.ops.mvvm.ToastPlan;
import com.voxanne.ops.shell.MainView;
import com.voxanne.ops.ui.Toast;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;

/**
 * New alerts as one small pop-up in the window's corner: one alert names its kind, caller and
 * reason; several read "3 new alerts". A pop-up stays while the pointer is on it, goes after a
 * few seconds otherwise, and the next one waits out a quiet gap ({@link ToastPlan}), so a busy
 * floor does not cover the screen. Every alert is in the alerts list whatever the pop-up shows.
 */
final class AlertPopUps implements Consumer<Alert> {

    static final Duration SHOWN_FOR = Duration.ofSeconds(8);
    static final Duration QUIET_GAP = Duration.ofSeconds(20);
    /** About two lines of the pop-up; the whole reason is in the alerts workspace. */
    private static final int REASON_LENGTH = 110;

    private final MainView window;
    private final ToastPlan<Alert> plan = new ToastPlan<>(QUIET_GAP);
    private final Toast toast = new Toast("Open alerts");
    private final PauseTransition hideLater = new PauseTransition(javafx.util.Duration.millis(SHOWN_FOR.toMillis()));
    private final PauseTransition askAgain = new PauseTransition();

    AlertPopUps(MainView window) {
        this.window = window;
        toast.setOnOpen(() -> {
            hide();
            window.show("alerts");
        });
        toast.setOnClose(this::hide);
        hideLater.setOnFinished(e -> hide());
        toast.hoverProperty().addListener((obs, was, on) -> {
            if (on) {
                hideLater.stop();
            } else if (plan.showing()) {
                hideLater.playFromStart();
            }
        });
        askAgain.setOnFinished(e -> take(plan.due(Instant.now())));
    }

    /** Called on the JavaFX thread for each new alert. */
    @Override
    public void accept(Alert alert) {
        take(plan.arrived(alert, Instant.now()));
    }

    private void take(ToastPlan.Step<Alert> step) {
        if (step instanceof ToastPlan.Step.WaitUntil<Alert> wait) {
            askAgain.setDuration(javafx.util.Duration.millis(Math.max(1, Duration.between(Instant.now(), wait.at()).toMillis())));
            askAgain.playFromStart();
        } else if (step instanceof ToastPlan.Step.Show<Alert> show && !show.items().isEmpty()) {
            toast.show(title(show.items()), text(show.items()));
            window.showPopUp(toast);
            if (!toast.isHover()) {
                hideLater.playFromStart();
            }
        }
    }

    private void hide() {
        hideLater.stop();
        window.hidePopUp(toast);
        plan.hidden(Instant.now());
    }

    static String title(List<Alert> alerts) {
        if (alerts.size() > 1) {
            return alerts.size() + " new alerts";
        }
        Alert alert = alerts.get(0);
        return alert.kind().label() + (alert.who() == null ? "" : ": " + alert.who());
    }

    static String text(List<Alert> alerts) {
        Alert newest = alerts.get(alerts.size() - 1);
        if (alerts.size() > 1) {
            return "Newest: " + title(List.of(newest)) + ".";
        }
        String reason = newest.reason() == null ? "" : newest.reason();
        return reason.length() <= REASON_LENGTH ? reason : reason.substring(0, REASON_LENGTH - 1).strip() + "…";
    }
}
