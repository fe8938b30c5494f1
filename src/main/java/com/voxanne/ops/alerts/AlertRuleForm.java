package com.voxanne.ops.alerts;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.mvvm.FieldChecks;
import com.voxanne.ops.mvvm.OptimisticForm;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * An alert rule as a form (admins): when (sentiment below 0–1, urgency at least low–critical, lead
 * score above 0–100) and what then (notify, transfer or text a number, e-mail an address).
 */
public final class AlertRuleForm extends OptimisticForm<AlertRule> {

    public static final List<String> TRIGGERS = List.of("sentiment_below", "urgency_at_least", "lead_score_above");
    public static final List<String> ACTIONS = List.of("notify", "transfer", "sms", "email");
    public static final List<String> URGENCY_LEVELS = com.voxanne.ops.ui.RuleWords.URGENCY_LEVELS;

    // Properties: input
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);
    private final ObjectProperty<String> trigger = new SimpleObjectProperty<>(this, "trigger");
    /** The threshold as typed: a score, or (for urgency) low, medium, high or critical. */
    private final StringProperty threshold = new SimpleStringProperty(this, "threshold", "");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final StringProperty target = new SimpleStringProperty(this, "target", "");

    private final AlertRuleService service;

    public AlertRuleForm(AlertRuleService service, boolean mayEdit, Executor background, Executor fx) {
        super("alert rule", mayEdit, background, fx);
        this.service = service;
        watch(name, enabled, trigger, threshold, action, target);
    }

    @Override
    protected void fill(AlertRule r) {
        name.set(r == null ? "" : r.name());
        enabled.set(r == null || r.enabled());
        trigger.set(r == null ? null : r.triggerType());
        threshold.set(r == null ? "" : typed(r.triggerType(), r.threshold()));
        action.set(r == null ? null : r.action());
        target.set(r == null || r.target() == null ? "" : r.target());
    }

    private static String typed(String trigger, BigDecimal value) {
        if ("urgency_at_least".equals(trigger)) {
            return URGENCY_LEVELS.get(Math.max(0, Math.min(3, value.intValue() - 1)));
        }
        return value.stripTrailingZeros().toPlainString();
    }

    @Override
    protected boolean differs(AlertRule r) {
        return r.id() == null || !Objects.equals(name.get().strip(), r.name()) || enabled.get() != r.enabled()
                || !Objects.equals(trigger.get(), r.triggerType()) || !Objects.equals(threshold.get().strip(), typed(r.triggerType(), r.threshold()))
                || !Objects.equals(action.get(), r.action()) || !Objects.equals(FieldChecks.orNull(target.get()), r.target());
    }

    @Override
    protected Optional<String> problem() {
        return FieldChecks.first(
                FieldChecks.required("The rule's name", name.get(), 100),
                trigger.get() == null ? Optional.of("Choose when the rule applies.") : thresholdProblem(),
                action.get() == null ? Optional.of("Choose what the rule does.") : targetProblem());
    }

    private Optional<String> thresholdProblem() {
        return switch (trigger.get()) {
            case "urgency_at_least" -> URGENCY_LEVELS.contains(threshold.get().strip().toLowerCase(java.util.Locale.ROOT)) ? Optional.empty()
                    : Optional.of("Choose the urgency the rule waits for.");
            case "lead_score_above" -> FieldChecks.wholeNumber("The lead score", threshold.get(), 0, 100, true);
            default -> FieldChecks.decimal("The sentiment score", threshold.get(), BigDecimal.ZERO, BigDecimal.ONE);
        };
    }

    private Optional<String> targetProblem() {
        return switch (action.get()) {
            case "transfer", "sms" -> FieldChecks.phone("The number to " + (action.get().equals("sms") ? "text" : "transfer to"), target.get(), true);
            case "email" -> FieldChecks.email("The address to e-mail", target.get(), true);
            default -> FieldChecks.maxLength("Whom to notify", target.get(), 100);
        };
    }

    private BigDecimal thresholdValue() {
        String t = threshold.get().strip();
        return "urgency_at_least".equals(trigger.get())
                ? BigDecimal.valueOf(URGENCY_LEVELS.indexOf(t.toLowerCase(java.util.Locale.ROOT)) + 1L) : new BigDecimal(t);
    }

    @Override
    protected Supplier<SaveResult<AlertRule>> writer(AlertRule base) {
        String t = FieldChecks.orNull(target.get());
        if (t != null && ("transfer".equals(action.get()) || "sms".equals(action.get()))) {
            t = FieldChecks.e164(t).orElse(t);
        }
        AlertRule edit = new AlertRule(base.id(), name.get().strip(), enabled.get(), trigger.get(), thresholdValue(), action.get(), t, null);
        return () -> service.save(base, edit);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public ObjectProperty<String> triggerProperty() {
        return trigger;
    }

    public StringProperty thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public StringProperty targetProperty() {
        return target;
    }
}
