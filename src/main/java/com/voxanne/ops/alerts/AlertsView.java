package com.voxanne.ops.alerts;

import com.voxanne.ops.ui.FormGrid;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.FormActions;
import com.voxanne.ops.ui.StatusWidgets;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
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

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.UK);

    public AlertsView(AlertsViewModel alerts, AlertRulesViewModel rules) {
        setId("alertsWorkspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        Tab list = new Tab("Alerts", alertList(alerts));
        list.setId("alertsTab");
        Tab ruleTab = new Tab("Alert rules", ruleEditor(rules));
        ruleTab.setId("alertRulesTab");
        getTabs().addAll(list, ruleTab);
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

        TableColumn<Alert, String> kind = Columns.text("Kind", a -> a.kind().label(), 150);
        kind.setMinWidth(150);
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
        TableView<Alert> table = Columns.table("alertList", "Nothing needs attention in this period.",
                kind,
                Columns.text("When", a -> WHEN.format(a.createdAt().atZone(model.zone())), 150),
                Columns.wide("Who", a -> a.who() == null ? "Unknown caller" : a.who(), 140),
                Columns.text("Number", a -> CallFormats.phone(a.phone()), 130),
                Columns.pill("Urgency", Alert::urgency, "urgency-", 86),
                Columns.text("Score", a -> a.leadScore() != null ? "lead " + a.leadScore()
                        : a.sentimentScore() == null ? "" : CallFormats.score(a.sentimentScore()), 70),
                Columns.text("Acknowledged", a -> a.acknowledged() ? a.acknowledgedBy() + ", " + WHEN.format(a.acknowledgedAt().atZone(model.zone())) : "", 190),
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
        Label message = new Label();
        message.setId("alertMessage");
        message.textProperty().bind(model.messageProperty());
        HBox actions = new HBox(10, ack, calls, message);
        actions.setAlignment(Pos.CENTER_LEFT);
        actions.setPadding(new Insets(10, 16, 10, 16));
        com.voxanne.ops.ui.ListKeys.install(table, model::openCalls);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.A && model.canAcknowledge().get()) {
                model.acknowledge();
                e.consume();
            }
        });

        BorderPane pane = new BorderPane(com.voxanne.ops.ui.NewRowsPill.over(table, "newAlertsPill",
                javafx.beans.binding.Bindings.createStringBinding(() -> {
                    int n = model.arrivedCount().get();
                    return String.format("%,d new alert%s", n, n == 1 ? "" : "s");
                }, model.arrivedCount()), model.arrivedCount().greaterThan(0), model::showArrived));
        pane.setTop(bar);
        pane.setBottom(actions);
        return pane;
    }

    /** Shows a stored value (urgency_at_least) as words (urgency at least). */
    private static javafx.util.StringConverter<String> labels(java.util.Map<String, String> words) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : words.getOrDefault(value, value);
            }

            @Override
            public String fromString(String text) {
                return words.entrySet().stream().filter(e -> e.getValue().equals(text)).map(java.util.Map.Entry::getKey).findFirst().orElse(text);
            }
        };
    }

    private static Node ruleEditor(AlertRulesViewModel model) {
        TableView<AlertRule> table = Columns.table("alertRuleList", "No alert rules.",
                Columns.wide("Rule", AlertRule::name, 200),
                Columns.text("On", r -> r.enabled() ? "on" : "off", 50),
                Columns.text("When", AlertRule::when, 200),
                Columns.text("Then", r -> r.action() + (r.target() == null ? "" : " → " + r.target())));
        table.setItems(model.rules());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });

        AlertRuleForm form = model.form();
        TextField name = new TextField();
        name.setId("ruleName");
        name.textProperty().bindBidirectional(form.nameProperty());
        CheckBox enabled = new CheckBox("On");
        enabled.setId("ruleEnabled");
        enabled.selectedProperty().bindBidirectional(form.enabledProperty());
        ComboBox<String> trigger = new ComboBox<>();
        trigger.setId("ruleTrigger");
        trigger.getItems().addAll(AlertRuleForm.TRIGGERS);
        trigger.setConverter(labels(java.util.Map.of("sentiment_below", "sentiment below", "urgency_at_least", "urgency at least",
                "lead_score_above", "lead score above")));
        trigger.valueProperty().bindBidirectional(form.triggerProperty());
        TextField threshold = new TextField();
        threshold.setId("ruleThreshold");
        threshold.setPrefColumnCount(8);
        threshold.textProperty().bindBidirectional(form.thresholdProperty());
        threshold.promptTextProperty().bind(Bindings.createStringBinding(() -> switch (String.valueOf(form.triggerProperty().get())) {
            case "urgency_at_least" -> "low … critical";
            case "lead_score_above" -> "0–100";
            default -> "0–1";
        }, form.triggerProperty()));
        ComboBox<String> action = new ComboBox<>();
        action.setId("ruleAction");
        action.getItems().addAll(AlertRuleForm.ACTIONS);
        action.setConverter(labels(java.util.Map.of("notify", "notify", "transfer", "transfer the call to", "sms", "text", "email", "e-mail")));
        action.valueProperty().bindBidirectional(form.actionProperty());
        TextField target = new TextField();
        target.setId("ruleTarget");
        target.textProperty().bindBidirectional(form.targetProperty());
        target.promptTextProperty().bind(Bindings.createStringBinding(() -> switch (String.valueOf(form.actionProperty().get())) {
            case "transfer", "sms" -> "+44 20 7946 0000";
            case "email" -> "team@clinic.example";
            default -> "supervisors";
        }, form.actionProperty()));
        FormGrid.editableWhileEditing(form, name, enabled, trigger, threshold, action, target);
        GridPane grid = FormGrid.of(1);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label(""), enabled);
        HBox when = new HBox(8, trigger, threshold);
        grid.addRow(2, new Label("When"), when);
        HBox then = new HBox(8, action, target);
        HBox.setHgrow(target, Priority.ALWAYS);
        grid.addRow(3, new Label("Then"), then);

        Button add = new Button("New rule", new FontIcon(Material2AL.ADD));
        add.setId("newRule");
        add.setOnAction(e -> model.newRule());
        Button delete = new Button("Delete", new FontIcon(Material2AL.DELETE_OUTLINE));
        delete.setId("deleteRule");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(model.canDelete().not());
        delete.setOnAction(e -> model.delete());
        HBox manage = new HBox(8, add, delete);
        manage.setVisible(model.mayEdit());
        manage.setManaged(model.mayEdit());
        Label note = new Label(model.mayEdit() ? "The platform applies these rules to every call of the organization."
                : "The platform applies these rules to every call; admins change them.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        note.setWrapText(true);
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        VBox editor = new VBox(12, note, manage, grid, new FormActions(form, "rule"), message);
        editor.setPadding(new Insets(16));
        editor.setMinWidth(360);

        SplitPane split = new SplitPane(table, editor);
        split.setDividerPositions(0.55);
        return split;
    }
}
