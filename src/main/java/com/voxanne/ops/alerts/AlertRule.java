package com.voxanne.ops.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of escalation_rules: when a call's sentiment, urgency or lead score crosses a threshold,
 * the platform notifies, transfers, texts or e-mails. {@code id} is null for a rule not saved yet.
 */
public record AlertRule(UUID id, String name, boolean enabled, String triggerType, BigDecimal threshold, String action, String target,
                        Instant updatedAt) {

    public static AlertRule draft() {
        return new AlertRule(null, "", true, "sentiment_below", new BigDecimal("0.25"), "notify", "supervisors", null);
    }

    /** "sentiment below 0.25", "urgency at least high", "lead score above 85": the wording Setup uses too. */
    public String when() {
        return com.voxanne.ops.ui.RuleWords.when(triggerType, threshold);
    }
}
