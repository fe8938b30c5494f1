package com.voxanne.ops.calls;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the call log shows: filters, where the page starts, how many rows. Empty sets and null
 * values mean "no filter". Pages run newest first by (created_at, id).
 *
 * @param from inclusive lower bound of created_at
 * @param to exclusive upper bound of created_at
 * @param text a web-search style query over transcripts and summaries (websearch_to_tsquery)
 * @param after the cursor of the last row of the previous page, or null for the first page
 */
public record CallLogQuery(
        Instant from,
        Instant to,
        Set<String> directions,
        Set<String> statuses,
        Set<String> sentimentLabels,
        Set<String> urgencies,
        UUID contactId,
        String text,
        CallCursor after,
        int limit) {

    public static final int MAX_PAGE = 1_000;

    public CallLogQuery {
        directions = Set.copyOf(Objects.requireNonNullElse(directions, Set.of()));
        statuses = Set.copyOf(Objects.requireNonNullElse(statuses, Set.of()));
        sentimentLabels = Set.copyOf(Objects.requireNonNullElse(sentimentLabels, Set.of()));
        urgencies = Set.copyOf(Objects.requireNonNullElse(urgencies, Set.of()));
        text = text == null || text.isBlank() ? null : text.strip();
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds between 1 and " + MAX_PAGE + " calls.");
        }
    }

    public static CallLogQuery firstPage(int limit) {
        return new CallLogQuery(null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, limit);
    }

    public CallLogQuery after(CallCursor cursor) {
        return new CallLogQuery(from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, cursor, limit);
    }

    public CallLogQuery withText(String query) {
        return new CallLogQuery(from, to, directions, statuses, sentimentLabels, urgencies, contactId, query, after, limit);
    }

    public CallLogQuery withDirections(Set<String> values) {
        return new CallLogQuery(from, to, values, statuses, sentimentLabels, urgencies, contactId, text, after, limit);
    }

    public CallLogQuery withStatuses(Set<String> values) {
        return new CallLogQuery(from, to, directions, values, sentimentLabels, urgencies, contactId, text, after, limit);
    }

    public CallLogQuery withSentimentLabels(Set<String> values) {
        return new CallLogQuery(from, to, directions, statuses, values, urgencies, contactId, text, after, limit);
    }

    public CallLogQuery withUrgencies(Set<String> values) {
        return new CallLogQuery(from, to, directions, statuses, sentimentLabels, values, contactId, text, after, limit);
    }

    public CallLogQuery withContact(UUID contact) {
        return new CallLogQuery(from, to, directions, statuses, sentimentLabels, urgencies, contact, text, after, limit);
    }

    public CallLogQuery between(Instant fromInclusive, Instant toExclusive) {
        return new CallLogQuery(fromInclusive, toExclusive, directions, statuses, sentimentLabels, urgencies, contactId, text, after, limit);
    }
}
