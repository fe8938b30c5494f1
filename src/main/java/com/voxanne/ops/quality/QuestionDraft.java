package com.voxanne.ops.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A question while an admin edits it in the designer: every field a property the editor binds
 * to. Choices are typed one per line as "label = score" (a score from 0 to 1), which is how an
 * admin thinks of them and round-trips without a grid of its own.
 */
public final class QuestionDraft {

    private final StringProperty section = new SimpleStringProperty(this, "section", "");
    private final StringProperty prompt = new SimpleStringProperty(this, "prompt", "");
    private final StringProperty help = new SimpleStringProperty(this, "help", "");
    private final ObjectProperty<AnswerType> type = new SimpleObjectProperty<>(this, "type", AnswerType.YES_NO);
    private final StringProperty choices = new SimpleStringProperty(this, "choices", "");
    private final ObjectProperty<Double> weight = new SimpleObjectProperty<>(this, "weight", 1.0);
    private final BooleanProperty allowsNa = new SimpleBooleanProperty(this, "allowsNa");
    private final BooleanProperty critical = new SimpleBooleanProperty(this, "critical");

    public QuestionDraft() {
    }

    public static QuestionDraft of(QuestionDesign q) {
        QuestionDraft d = new QuestionDraft();
        d.section.set(q.section());
        d.prompt.set(q.prompt());
        d.help.set(q.help() == null ? "" : q.help());
        d.type.set(q.type());
        d.choices.set(choicesText(q.choices()));
        d.weight.set(q.weight());
        d.allowsNa.set(q.allowsNa());
        d.critical.set(q.critical());
        return d;
    }

    public QuestionDesign design() {
        Double w = weight.get();
        return new QuestionDesign(section.get(), prompt.get(), help.get(), type.get(), parseChoices(choices.get()), w == null ? 0 : w,
                allowsNa.get(), critical.get());
    }

    static String choicesText(List<Choice> choices) {
        StringBuilder text = new StringBuilder();
        for (Choice c : choices) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(c.label()).append(" = ").append(score(c.value()));
        }
        return text.toString();
    }

    /** One choice per non-blank line; a line without "= score" gets a score that is not a number, which the form's check names. */
    static List<Choice> parseChoices(String text) {
        List<Choice> parsed = new ArrayList<>();
        if (text == null) {
            return parsed;
        }
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            String label = (equals < 0 ? line : line.substring(0, equals)).strip();
            double value = Double.NaN;
            if (equals >= 0) {
                try {
                    value = Double.parseDouble(line.substring(equals + 1).strip().replace(',', '.'));
                } catch (NumberFormatException e) {
                    value = Double.NaN;
                }
            }
            parsed.add(new Choice(label, value));
        }
        return parsed;
    }

    private static String score(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    public StringProperty sectionProperty() {
        return section;
    }

    public StringProperty promptProperty() {
        return prompt;
    }

    public StringProperty helpProperty() {
        return help;
    }

    public ObjectProperty<AnswerType> typeProperty() {
        return type;
    }

    public StringProperty choicesProperty() {
        return choices;
    }

    public ObjectProperty<Double> weightProperty() {
        return weight;
    }

    public BooleanProperty allowsNaProperty() {
        return allowsNa;
    }

    public BooleanProperty criticalProperty() {
        return critical;
    }
}
