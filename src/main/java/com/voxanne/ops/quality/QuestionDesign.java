package com.voxanne.ops.quality;

import java.util.List;

/** A question as an admin designs it, before it belongs to a version. */
public record QuestionDesign(String section, String prompt, String help, AnswerType type, List<Choice> choices, double weight,
                             boolean allowsNa, boolean critical) {

    public QuestionDesign {
        choices = type == AnswerType.CHOICE && choices != null ? List.copyOf(choices) : List.of();
        help = help == null || help.isBlank() ? null : help.strip();
        section = section == null ? "" : section.strip();
        prompt = prompt == null ? "" : prompt.strip();
    }

    static QuestionDesign of(ScorecardQuestion q) {
        return new QuestionDesign(q.section(), q.prompt(), q.help(), q.answerType(), q.choices(), q.weight(), q.allowsNa(), q.critical());
    }
}
