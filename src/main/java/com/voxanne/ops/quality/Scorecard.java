package com.voxanne.ops.quality;

import java.util.List;
import java.util.UUID;

/** One version of a form, with its questions in order: what an evaluation is made against. */
public record Scorecard(UUID versionId, UUID formId, String formName, String kind, int version, double passMark,
                        List<ScorecardQuestion> questions) {

    public Scorecard {
        questions = List.copyOf(questions);
    }

    public String title() {
        return formName + " (version " + version + ")";
    }
}
