package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.UUID;

/**
 * An evaluation of a call as the database has it, with the score it computed
 * (voxconsole.evaluation_scores): null while nothing is answered, 0 when a critical question
 * failed ({@code scoreWithoutCritical} keeps what the rest scored).
 *
 * @param status draft, submitted, signed_off or reopened
 */
public record Evaluation(UUID id, UUID callId, UUID versionId, UUID reviewerId, String reviewerName, String status,
                         String reopenReason, Instant submittedAt, Instant signedOffAt, String signedOffByName, Instant updatedAt,
                         Double score, Double scoreWithoutCritical, boolean criticalFailed, boolean passed) {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String SIGNED_OFF = "signed_off";
    public static final String REOPENED = "reopened";

    /** Answers change only in a draft or a reopened evaluation (the database holds to it too). */
    public boolean editable() {
        return DRAFT.equals(status) || REOPENED.equals(status);
    }

    public String statusWords() {
        return switch (status) {
            case DRAFT -> "Draft";
            case SUBMITTED -> "Submitted";
            case SIGNED_OFF -> "Signed off";
            case REOPENED -> "Reopened";
            default -> status;
        };
    }
}
