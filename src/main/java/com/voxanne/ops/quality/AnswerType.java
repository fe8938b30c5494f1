package com.voxanne.ops.quality;

import java.util.Arrays;

/** How a scorecard question is answered; the names are the database's (scorecard_questions.answer_type). */
public enum AnswerType {
    YES_NO("yes_no"),
    SCALE_1_5("scale_1_5"),
    CHOICE("choice");

    private final String sql;

    AnswerType(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    public static AnswerType of(String sql) {
        return Arrays.stream(values()).filter(t -> t.sql.equals(sql)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown answer type: " + sql));
    }
}
