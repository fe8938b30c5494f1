package com.voxanne.ops.quality;

import java.util.List;
import java.util.Optional;

/**
 * A form as an admin designs it: its name, the kind of organization it is for, its pass mark and
 * its questions in order. {@link #problem()} says in one sentence what the database would refuse,
 * naming the question, so the admin hears it before a round trip; the database checks it again.
 */
public record FormDesign(String name, String kind, double passMark, List<QuestionDesign> questions) {

    static final int MAX_CHOICES = 10;

    public FormDesign {
        name = name == null ? "" : name.strip();
        kind = kind == null ? "any" : kind;
        questions = List.copyOf(questions);
    }

    static FormDesign of(Scorecard s) {
        return new FormDesign(s.formName(), s.kind(), s.passMark(), s.questions().stream().map(QuestionDesign::of).toList());
    }

    /** What is wrong with the design, if anything, in the words an admin reads. */
    public Optional<String> problem() {
        if (name.isEmpty() || name.length() > 120) {
            return Optional.of("The form needs a name of at most 120 characters.");
        }
        if (passMark < 0 || passMark > 100) {
            return Optional.of("The pass mark is a score from 0 to 100.");
        }
        if (questions.isEmpty()) {
            return Optional.of("The form needs at least one question.");
        }
        for (int i = 0; i < questions.size(); i++) {
            Optional<String> wrong = problemOf(questions.get(i));
            if (wrong.isPresent()) {
                return Optional.of("Question " + (i + 1) + " " + wrong.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problemOf(QuestionDesign q) {
        if (q.prompt().isEmpty() || q.prompt().length() > 200) {
            return Optional.of("needs its words, at most 200 characters.");
        }
        if (q.section().isEmpty() || q.section().length() > 80) {
            return Optional.of("needs a section of at most 80 characters.");
        }
        if (q.help() != null && q.help().length() > 1000) {
            return Optional.of("has more than 1,000 characters of help.");
        }
        if (!(q.weight() > 0 && q.weight() <= 100)) {
            return Optional.of("needs a weight of more than 0 and at most 100.");
        }
        if (q.type() == AnswerType.CHOICE) {
            if (q.choices().size() < 2 || q.choices().size() > MAX_CHOICES) {
                return Optional.of("needs two to ten choices.");
            }
            for (Choice c : q.choices()) {
                if (c.label().isBlank() || !(c.value() >= 0 && c.value() <= 1)) {
                    return Optional.of("has a choice without a label or without a score from 0 to 1 (write each as: label = score).");
                }
            }
        }
        return Optional.empty();
    }
}
