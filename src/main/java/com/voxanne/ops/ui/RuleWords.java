package com.voxanne.ops.ui;

import java.math.BigDecimal;
import java.util.List;

/**
 * An escalation rule in the one wording the console uses for it, in Setup and in Alerts alike:
 * "urgency at least critical" (the platform stores the level as 1–4), "sentiment below 0.25",
 * "transfer the call to 020 7946 0000".
 */
public final class RuleWords {

    /** The urgency levels in the order the platform numbers them (1 = low … 4 = critical). */
    public static final List<String> URGENCY_LEVELS = List.of("low", "medium", "high", "critical");

    private RuleWords() {
    }

    public static String when(String trigger, BigDecimal threshold) {
        if (trigger == null || threshold == null) {
            // A platform whose rules lack one of the two columns: say what there is.
            return trigger == null ? "" : PlainWords.words(trigger).toLowerCase(java.util.Locale.ROOT);
        }
        return switch (trigger) {
            case "urgency_at_least" -> "urgency at least " + URGENCY_LEVELS.get(Math.max(0, Math.min(3, threshold.intValue() - 1)));
            case "lead_score_above" -> "lead score above " + threshold.stripTrailingZeros().toPlainString();
            case "sentiment_below" -> "sentiment below " + threshold.stripTrailingZeros().toPlainString();
            default -> PlainWords.words(trigger).toLowerCase(java.util.Locale.ROOT) + " " + threshold.stripTrailingZeros().toPlainString();
        };
    }

    public static String then(String action, String target) {
        String t = target == null ? "" : target;
        if (action == null) {
            return t;
        }
        return switch (action) {
            case "transfer" -> "transfer the call to " + CallFormats.phone(t);
            case "sms" -> "text " + CallFormats.phone(t);
            case "email" -> "e-mail " + t;
            case "notify" -> "notify " + (t.isEmpty() ? "supervisors" : t);
            default -> PlainWords.words(action).toLowerCase(java.util.Locale.ROOT) + (t.isEmpty() ? "" : " " + t);
        };
    }
}
