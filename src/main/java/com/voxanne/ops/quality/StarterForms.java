package com.voxanne.ops.quality;

import com.voxanne.ops.db.Resources;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The scorecards the console starts from, one per kind of organization (resources/quality/
 * starter-forms.tsv): the demo's forms, and what an admin adds with "Add a starter form". Each
 * question has a key, so the demo can answer it the way its calls went.
 */
public final class StarterForms {

    /** A question as the file has it. */
    public record Question(String key, String section, String prompt, AnswerType type, double weight, boolean allowsNa,
                           boolean critical, String help, List<Choice> choices) {

        QuestionDesign design() {
            return new QuestionDesign(section, prompt, help, type, choices, weight, allowsNa, critical);
        }
    }

    /** A form as the file has it. */
    public record Form(String kind, String name, List<Question> questions) {

        /** The form as a designer starts from it, with the database's default pass mark. */
        public FormDesign design() {
            return new FormDesign(name, kind, DEFAULT_PASS_MARK, questions.stream().map(Question::design).toList());
        }
    }

    /** scorecard_versions.pass_mark's default. */
    public static final double DEFAULT_PASS_MARK = 80;

    private static final List<Form> FORMS = read();

    private StarterForms() {
    }

    public static List<Form> all() {
        return FORMS;
    }

    public static Optional<Form> forKind(String kind) {
        return FORMS.stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    /**
     * The kind of organization an industry (organizations.settings.industry) is: clinic, law_firm
     * or trades. Anything the console does not know is treated as a clinic, the platform's most
     * common customer.
     */
    public static String kindOf(String industry) {
        String i = industry == null ? "" : industry.toLowerCase(Locale.ROOT);
        if (i.contains("legal") || i.contains("law")) {
            return "law_firm";
        }
        if (i.contains("home_services") || i.contains("plumb") || i.contains("trade") || i.contains("electric") || i.contains("heating")) {
            return "trades";
        }
        return "clinic";
    }

    /**
     * Writes {@code form} as version 1 of a new form and returns the version's id. With an
     * organization (the owner loading the demo) the rows name it; without one they take the
     * signed-in admin's, which row-level security holds them to.
     */
    public static UUID write(Handle h, Form form, UUID org) {
        return ScorecardWrites.newForm(h, form.design(), org).versionId();
    }

    private static List<Form> read() {
        Map<String, List<Question>> questions = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (String line : Resources.text("quality/starter-forms.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split("\t", -1), 11);
            names.put(f[0], f[1]);
            questions.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new Question(f[3], f[2], f[4], AnswerType.of(f[5]),
                    Double.parseDouble(f[6]), "yes".equals(f[7]), "yes".equals(f[8]), f[9], choices(f[10])));
        }
        List<Form> forms = new ArrayList<>();
        names.forEach((kind, name) -> forms.add(new Form(kind, name, List.copyOf(questions.get(kind)))));
        return List.copyOf(forms);
    }

    private static List<Choice> choices(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.strip().split("\\|")).map(c -> c.split("=", 2))
                .map(p -> new Choice(p[0], Double.parseDouble(p[1]))).toList();
    }
}
