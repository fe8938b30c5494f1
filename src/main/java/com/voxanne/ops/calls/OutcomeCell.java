package com.voxanne.ops.calls;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.signals.CallOutcome;
import java.util.stream.Collectors;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The call log's Outcome column: a flagged call reads as its first signal in red ("Booking not
 * found +1"), with every signal's evidence in the tooltip; another call reads as what happened
 * after it ("Booked: upcoming, Called again"), muted.
 */
final class OutcomeCell extends TableCell<CallSummary, CallOutcome> {

    @Override
    protected void updateItem(CallOutcome outcome, boolean empty) {
        super.updateItem(outcome, empty);
        getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
        if (empty || outcome == null) {
            setText(null);
            setGraphic(null);
            setTooltip(null);
            return;
        }
        if (outcome.flagged()) {
            int more = outcome.signals().size() - 1;
            setText(outcome.summary() + (more > 0 ? " +" + more : ""));
            setGraphic(new FontIcon(Material2AL.ERROR_OUTLINE));
            getStyleClass().add(Styles.DANGER);
            Tooltip tip = new Tooltip(outcome.signals().stream().map(s -> s.kind().label() + ": " + s.evidence())
                    .collect(Collectors.joining("\n\n")) + (outcome.details().isEmpty() ? "" : "\n\n" + outcome.details()));
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDuration(Duration.seconds(30));
            setTooltip(tip);
        } else {
            String summary = outcome.summary();
            setText(summary.isEmpty() ? "—" : summary);
            setGraphic(null);
            getStyleClass().add(Styles.TEXT_MUTED);
            setTooltip(outcome.details().isEmpty() ? null : new Tooltip(outcome.details()));
        }
    }
}
