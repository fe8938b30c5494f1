package com.voxanne.ops.quality;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** Under the selected call's header: how it was evaluated, and for managers "Evaluate" and "Send to review". */
public final class CallReviewSection extends VBox {

    private final CallReviewViewModel model;
    private final VBox list = new VBox(2);

    public CallReviewSection(CallReviewViewModel model) {
        super(6);
        this.model = model;
        setId("callReview");
        Label head = new Label("Quality review", new FontIcon(Material2MZ.RATE_REVIEW));
        head.getStyleClass().addAll(Styles.TITLE_4, "section-title");
        getStyleClass().add("detail-section");
        Button evaluate = new Button("Evaluate", new FontIcon(Material2MZ.RATE_REVIEW));
        evaluate.setId("evaluateCall");
        evaluate.setTooltip(new Tooltip("Score this call against your organization's scorecard, beside its transcript"));
        evaluate.setOnAction(e -> model.evaluate());
        Button send = new Button("Send to review", new FontIcon(Material2MZ.PLAYLIST_ADD));
        send.setId("sendToReview");
        send.setTooltip(new Tooltip("Put this call in the Review queue for a manager to score"));
        send.setOnAction(e -> model.sendToReview());
        send.setVisible(model.maySend());
        send.setManaged(model.maySend());
        HBox actions = new HBox(8, evaluate, send);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setVisible(model.mayReview());
        actions.setManaged(model.mayReview());
        Label message = new Label();
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        getChildren().addAll(head, list, actions, message);
        model.evaluations().addListener((ListChangeListener<Evaluation>) c -> render());
        render();
    }

    private void render() {
        list.getChildren().clear();
        if (model.evaluations().isEmpty()) {
            Label none = new Label("Not evaluated yet.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            list.getChildren().add(none);
            return;
        }
        for (Evaluation e : model.evaluations()) {
            Label line = new Label(e.statusWords() + " · " + (e.reviewerName() == null ? "someone" : e.reviewerName()) + " · "
                    + EvaluationViewModel.scoreWords(e));
            line.setWrapText(true);
            if (e.criticalFailed() || (e.score() != null && !e.passed() && !Evaluation.DRAFT.equals(e.status()))) {
                line.getStyleClass().add(Styles.DANGER);
            }
            list.getChildren().add(line);
        }
    }
}
