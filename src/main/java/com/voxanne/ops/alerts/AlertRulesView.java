package com.voxanne.ops.alerts;

import com.voxanne.ops.ui.FormGrid;
import atlantafx.base.theme.Styles;
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

/**
 * The rules the platform applies to every call (escalation_rules): a list, and a form in plain
 * words where admins change them. Closed value sets are drop-downs: the trigger, the action, and
 * the urgency a rule waits for.
 */
final class AlertRulesView {

    private AlertRulesView() {
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

    static String then(AlertRule r) {
        return com.voxanne.ops.ui.RuleWords.then(r.action(), r.target());
    }

    static Node editor(AlertRulesViewModel model) {
        TableView<AlertRule> table = Columns.table("alertRuleList", "No alert rules.",
                Columns.wide("Rule", AlertRule::name, 200),
                Columns.text("On", r -> r.enabled() ? "On" : "Off", 50),
                Columns.text("When", AlertRule::when, 200),
                Columns.text("Then", AlertRulesView::then));
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
            case "lead_score_above" -> "0–100";
            default -> "0–1";
        }, form.triggerProperty()));
        // An urgency is one of four words: chosen from a list, never typed.
        ComboBox<String> urgency = new ComboBox<>();
        urgency.setId("ruleUrgency");
        urgency.getItems().addAll(AlertRuleForm.URGENCY_LEVELS);
        urgency.setPromptText("choose");
        urgency.valueProperty().bindBidirectional(form.thresholdProperty());
        javafx.beans.binding.BooleanBinding byUrgency = form.triggerProperty().isEqualTo("urgency_at_least");
        urgency.visibleProperty().bind(byUrgency);
        urgency.managedProperty().bind(byUrgency);
        threshold.visibleProperty().bind(byUrgency.not());
        threshold.managedProperty().bind(byUrgency.not());
        FormGrid.outline(name, form.inputProblem(), "The rule's name");
        FormGrid.outline(threshold, form.inputProblem(), "The lead score", "The sentiment score");
        FormGrid.outline(urgency, form.inputProblem(), "Choose the urgency");
        ComboBox<String> action = new ComboBox<>();
        action.setId("ruleAction");
        action.getItems().addAll(AlertRuleForm.ACTIONS);
        action.setConverter(labels(java.util.Map.of("notify", "notify", "transfer", "transfer the call to", "sms", "text", "email", "e-mail")));
        action.valueProperty().bindBidirectional(form.actionProperty());
        TextField target = new TextField();
        target.setId("ruleTarget");
        target.textProperty().bindBidirectional(form.targetProperty());
        FormGrid.outline(target, form.inputProblem(), "The number to", "The address to", "Whom to notify");
        target.promptTextProperty().bind(Bindings.createStringBinding(() -> switch (String.valueOf(form.actionProperty().get())) {
            case "transfer", "sms" -> "+44 20 7946 0000";
            case "email" -> "team@clinic.example";
            default -> "supervisors";
        }, form.actionProperty()));
        FormGrid.editableWhileEditing(form, name, enabled, trigger, threshold, urgency, action, target);
        GridPane grid = FormGrid.of(1);
        grid.addRow(0, new Label("Name"), name);
        grid.addRow(1, new Label(""), enabled);
        HBox when = new HBox(8, trigger, threshold, urgency);
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
