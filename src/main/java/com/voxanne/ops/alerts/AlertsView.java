package com.voxanne.ops.alerts;

import com.voxanne.ops.ui.FormGrid;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.FormActions;
import com.voxanne.ops.ui.StatusWidgets;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** Alerts: what needs attention now, and the rules that raise alerts on the platform. */
public final class AlertsView extends TabPane {


    public AlertsView(AlertsViewModel alerts, AlertRulesViewModel rules) {
        setId("alertsWorkspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        Tab list = new Tab("Alerts", alertList(alerts));
        list.setId("alertsTab");
        Tab ruleTab = new Tab("Alert rules", AlertRulesView.editor(rules));
        ruleTab.setId("alertRulesTab");
        getTabs().addAll(list, ruleTab);
    }

    /** "30 Nov 17:35": a time is never cut, so its column is as wide as the longest one. */
    private static TableColumn<Alert, String> when(AlertsViewModel model) {
        TableColumn<Alert, String> when = Columns.text("When", a -> CallFormats.shortTime(a.createdAt(), model.zone()), 118);
        when.setMinWidth(118);
        return when;
    }

    private static Node alertList(AlertsViewModel model) {
        ComboBox<AlertsViewModel.Period> period = new ComboBox<>();
        period.setId("alertPeriod");
        period.getItems().addAll(AlertsViewModel.Period.values());
        period.valueProperty().bindBidirectional(model.periodProperty());
        Slider threshold = new Slider(0.05, 0.6, model.negativeBelowProperty().get().doubleValue());
        threshold.setId("alertThreshold");
        threshold.setMajorTickUnit(0.05);
        threshold.setMinorTickCount(0);
        threshold.setSnapToTicks(true);
        threshold.setPrefWidth(160);
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(Bindings.createStringBinding(() -> String.format(Locale.UK, "%.2f", threshold.getValue()),
                threshold.valueProperty()));
        // Moving the slider changes the threshold when it is let go, not at every pixel.
        threshold.valueChangingProperty().addListener((obs, was, changing) -> {
            if (!changing) {
                model.negativeBelowProperty().set(BigDecimal.valueOf(threshold.getValue()));
            }
        });
        threshold.setOnMouseReleased(e -> model.negativeBelowProperty().set(BigDecimal.valueOf(threshold.getValue())));
        model.negativeBelowProperty().addListener((obs, old, now) -> threshold.setValue(now.doubleValue()));
        Label thresholdLabel = new Label("Unhappy caller: negative and below");
        thresholdLabel.setTooltip(new Tooltip("Negative calls whose sentiment score is below this raise an alert; high and critical urgency always do."));
        Label open = new Label();
        open.setId("alertsOpenCount");
        open.getStyleClass().add(Styles.TEXT_BOLD);
        open.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = model.unacknowledgedCount().get();
            return n == 0 ? "Nothing waiting" : String.format("%,d not acknowledged", n);
        }, model.unacknowledgedCount()));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(10, period, thresholdLabel, threshold, thresholdValue, StatusWidgets.busy(model.loadingProperty()), grow, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");

        TableColumn<Alert, String> kind = Columns.text("Kind", a -> a.kind().label(), 168);
        kind.setMinWidth(168);
        kind.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Alert a = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                if (a == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item);
                FontIcon icon = new FontIcon(switch (a.kind()) {
                    case HOT_LEAD -> Material2AL.LOCAL_FIRE_DEPARTMENT;
                    case URGENT_CALL -> Material2MZ.PRIORITY_HIGH;
                    case UNHAPPY_CALL -> Material2MZ.MOOD_BAD;
                });
                icon.getStyleClass().add("alert-" + a.kind().name().toLowerCase(Locale.ROOT));
                setGraphic(icon);
                getStyleClass().removeAll("unacknowledged");
                if (!a.acknowledged()) {
                    getStyleClass().add("unacknowledged");
                }
            }
        });
        // The list says what and who; the pane beside it says the rest, the reason in full.
        TableView<Alert> table = Columns.table("alertList", "Nothing needs attention in this period.",
                kind,
                when(model),
                Columns.wide("Who", a -> CallFormats.who(a.who()), 150),
                Columns.pill("Urgency", Alert::urgency, "urgency-", 86),
                Columns.text("Why", Alert::reason));
        table.setItems(model.alerts());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        model.selectedProperty().addListener((obs, old, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });

        Button ack = new Button("Acknowledge", new FontIcon(Material2AL.DONE));
        ack.setId("acknowledgeAlert");
        ack.getStyleClass().add(Styles.ACCENT);
        ack.disableProperty().bind(model.canAcknowledge().not());
        ack.setVisible(model.mayAcknowledge());
        ack.setManaged(model.mayAcknowledge());
        ack.setOnAction(e -> model.acknowledge());
        Button calls = new Button("Open the calls", new FontIcon(Material2AL.CALL));
        calls.setId("alertCalls");
        calls.disableProperty().bind(model.selectedProperty().isNull());
        calls.setOnAction(e -> model.openCalls());
        Button review = new Button("Send to review", new FontIcon(Material2MZ.RATE_REVIEW));
        review.setId("alertSendToReview");
        review.setTooltip(new Tooltip("Put the alert's call in the Review queue, for anyone to take"));
        review.disableProperty().bind(model.canSendToReview().not());
        review.setVisible(model.maySendToReview());
        review.setManaged(model.maySendToReview());
        review.setOnAction(e -> model.sendToReview());
        Label message = new Label();
        message.setId("alertMessage");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(10, ack, calls, review, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));
        com.voxanne.ops.ui.ListKeys.install(table, model::openCalls);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.A && model.canAcknowledge().get()) {
                model.acknowledge();
                e.consume();
            }
        });

        Node listWithPill = com.voxanne.ops.ui.NewRowsPill.over(table, "newAlertsPill",
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    int n = model.arrivedCount().get();
                    return String.format("%,d new alert%s", n, n == 1 ? "" : "s");
                }, model.arrivedCount()), model.arrivedCount().greaterThan(0), model::showArrived);
        SplitPane split = new SplitPane(listWithPill, new AlertDetailPane(model));
        split.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(split.getItems().get(1), false);
        BorderPane pane = new BorderPane(split);
        pane.setTop(bar);
        pane.setBottom(actions);
        return pane;
    }
}
