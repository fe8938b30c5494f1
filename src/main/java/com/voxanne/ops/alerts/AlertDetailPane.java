package com.voxanne.ops.alerts;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The alert chosen in the list, whole: what it is, who called from which number, when, the
 * reason in full (the list's "Why" column is cut), the score that raised it, named for what it
 * is (a sentiment score of 0–1 or a lead score of 0–100), and who acknowledged it.
 */
final class AlertDetailPane extends ScrollPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.UK);

    private final Label title = new Label();
    private final Label reason = new Label();
    private final GridPane facts = com.voxanne.ops.ui.FormGrid.of(1);
    private final Label none = new Label("Choose an alert to read it in full.");

    AlertDetailPane(AlertsViewModel model) {
        setId("alertDetail");
        setFitToWidth(true);
        setMinWidth(280);
        title.setId("alertDetailTitle");
        title.getStyleClass().add(Styles.TITLE_4);
        title.setWrapText(true);
        reason.setId("alertDetailReason");
        reason.setWrapText(true);
        none.getStyleClass().add(Styles.TEXT_MUTED);
        VBox body = new VBox(12, none, title, reason, facts);
        body.setPadding(new Insets(16));
        setContent(body);
        show(null, model);
        model.selectedProperty().addListener((obs, old, now) -> show(now, model));
        // An acknowledgement replaces the row: the pane follows the alert, not the old copy of it.
        model.alerts().addListener((javafx.collections.ListChangeListener<Alert>) c -> {
            Alert shown = model.selectedProperty().get();
            if (shown != null) {
                model.alerts().stream().filter(a -> a.key().equals(shown.key())).findFirst().ifPresent(a -> show(a, model));
            }
        });
    }

    private void show(Alert a, AlertsViewModel model) {
        none.setVisible(a == null);
        none.setManaged(a == null);
        for (var n : java.util.List.of(title, reason, facts)) {
            n.setVisible(a != null);
            n.setManaged(a != null);
        }
        facts.getChildren().clear();
        if (a == null) {
            return;
        }
        title.setText(a.kind().label() + " · " + CallFormats.who(a.who()));
        reason.setText(a.reason() == null || a.reason().isBlank() ? "No reason was recorded." : a.reason());
        int row = 0;
        row = fact(row, "Raised", WHEN.format(a.createdAt().atZone(model.zone())));
        row = fact(row, "Number", a.phone() == null ? "" : CallFormats.phone(a.phone()));
        row = fact(row, "Urgency", a.urgency() == null ? "" : a.urgency());
        if (a.leadScore() != null) {
            row = fact(row, "Lead score", a.leadScore() + " of 100");
        }
        if (a.sentimentScore() != null) {
            row = fact(row, "Sentiment", CallFormats.score(a.sentimentScore()) + " (0 unhappy, 1 happy)");
        }
        fact(row, "Acknowledged", a.acknowledged()
                ? a.acknowledgedBy() + ", " + WHEN.format(a.acknowledgedAt().atZone(model.zone())) : "not yet");
    }

    private int fact(int row, String name, String value) {
        if (value == null || value.isEmpty()) {
            return row;
        }
        Label v = new Label(value);
        v.setWrapText(true);
        v.setId("alertFact-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        Label n = new Label(name);
        n.getStyleClass().add(Styles.TEXT_MUTED);
        facts.addRow(row, n, v);
        return row + 1;
    }
}
