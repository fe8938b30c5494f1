package com.voxanne.ops.quality;

import java.util.UUID;

/** One answer: a value as {@link ScorecardQuestion} defines it, or N/A (then value is null). */
public record Answer(UUID questionId, Integer value, boolean notApplicable) {

    public static Answer of(UUID question, int value) {
        return new Answer(question, value, false);
    }

    public static Answer notApplicable(UUID question) {
        return new Answer(question, null, true);
    }
}
