package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.UUID;

/**
 * A form as the designer lists it: its newest version and how many evaluations use that version
 * (if any do, saving makes the next one). {@code updatedAt} is the form's, which every save moves:
 * the designer's optimistic check.
 */
public record FormSummary(UUID formId, String name, String kind, Instant archivedAt, Instant updatedAt, UUID versionId, int version,
                          long evaluations) {

    public boolean archived() {
        return archivedAt != null;
    }

    /** What saving does to this form, in a sentence. */
    public String whatSavingDoes() {
        if (evaluations == 0) {
            return "Version " + version + " has no evaluation yet: saving changes it in place.";
        }
        return "Version " + version + " is used by " + evaluations + (evaluations == 1 ? " evaluation" : " evaluations")
                + ": saving makes version " + (version + 1) + ", and " + (evaluations == 1 ? "it keeps" : "they keep")
                + " version " + version + ".";
    }
}
