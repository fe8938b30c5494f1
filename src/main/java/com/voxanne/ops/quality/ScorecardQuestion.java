package com.voxanne.ops.quality;

import java.util.List;
import java.util.UUID;

/**
 * A question of one form version, as the reviewer answers it. Its {@code value}s are the
 * database's: yes_no 1 or 0, scale_1_5 1 to 5, a choice its position from 0.
 */
public record ScorecardQuestion(UUID id, String section, int position, String prompt, String help, AnswerType answerType,
                                List<Choice> choices, double weight, boolean allowsNa, boolean critical) {

    public ScorecardQuestion {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    /** Whether {@code value} answers this question (null is "not answered yet"). */
    public boolean accepts(int value) {
        return switch (answerType) {
            case YES_NO -> value == 0 || value == 1;
            case SCALE_1_5 -> value >= 1 && value <= 5;
            case CHOICE -> value >= 0 && value < choices.size();
        };
    }

    /** The words of an answer, for lists and exports. */
    public String wordsFor(Answer answer) {
        if (answer == null) {
            return "";
        }
        if (answer.notApplicable()) {
            return "N/A";
        }
        int v = answer.value();
        return switch (answerType) {
            case YES_NO -> v == 1 ? "Yes" : "No";
            case SCALE_1_5 -> Integer.toString(v);
            case CHOICE -> v >= 0 && v < choices.size() ? choices.get(v).label() : "?";
        };
    }
}
