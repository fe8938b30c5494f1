package com.voxanne.ops.alerts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Something a supervisor should look at: a hot lead alert the platform raised, or a call with high
 * or critical urgency, or an unhappy caller (negative sentiment below the supervisor's threshold).
 *
 * @param id the hot lead alert's id, or the call's id for call alerts
 */
public record Alert(
        Kind kind,
        UUID id,
        UUID callId,
        UUID contactId,
        String who,
        String phone,
        String reason,
        String urgency,
        BigDecimal sentimentScore,
        Integer leadScore,
        Instant createdAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    public enum Kind {
        HOT_LEAD("Hot lead"), URGENT_CALL("Urgent call"), UNHAPPY_CALL("Unhappy caller");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** Alerts of different kinds may share an id (a call and its hot lead alert); this one never is shared. */
    public String key() {
        return kind + ":" + id;
    }
}
