package com.voxanne.ops.calls;

import com.voxanne.ops.db.TypedText;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the call log shows: filters, where the page starts, how many rows. Empty sets and null
 * values mean "no filter". Pages run newest first by (created_at, id).
 *
 * @param orgId the signed-in organization. Row-level security already limits rows to it; naming it
 *     again gives the planner a constant to estimate with, which is what makes it walk the
 *     (org_id, created_at, id) index in order instead of sorting a bitmap scan
 * @param from inclusive lower bound of created_at
 * @param to exclusive upper bound of created_at
 * @param text a web-search style query over transcripts and summaries (websearch_to_tsquery)
 * @param after the cursor of the last row of the previous page, or null for the first page
 */
public record CallLogQuery(
        UUID orgId,
        Instant from,
        Instant to,
        Set<String> directions,
        Set<String> statuses,
        Set<String> sentimentLabels,
        Set<String> urgencies,
        UUID contactId,
        String text,
        CallCursor after,
        CallSort sort,
        int limit) {

    public static final int MAX_PAGE = 1_000;

    public CallLogQuery {
        Objects.requireNonNull(orgId, "orgId");
        directions = Set.copyOf(Objects.requireNonNullElse(directions, Set.of()));
        statuses = Set.copyOf(Objects.requireNonNullElse(statuses, Set.of()));
        sentimentLabels = Set.copyOf(Objects.requireNonNullElse(sentimentLabels, Set.of()));
        urgencies = Set.copyOf(Objects.requireNonNullElse(urgencies, Set.of()));
        text = TypedText.cleanOrNull(text);
        sort = sort == null ? CallSort.NEWEST : sort;
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds between 1 and " + MAX_PAGE + " calls.");
        }
    }

    public static CallLogQuery firstPage(UUID orgId, int limit) {
        return new CallLogQuery(orgId, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, CallSort.NEWEST, limit);
    }

    public CallLogQuery after(CallCursor cursor) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, cursor, sort, limit);
    }

    public CallLogQuery withText(String query) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, query, after, sort, limit);
    }

    public CallLogQuery withDirections(Set<String> values) {
        return new CallLogQuery(orgId, from, to, values, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit);
    }

    public CallLogQuery withStatuses(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, values, sentimentLabels, urgencies, contactId, text, after, sort, limit);
    }

    public CallLogQuery withSentimentLabels(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, statuses, values, urgencies, contactId, text, after, sort, limit);
    }

    public CallLogQuery withUrgencies(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, values, contactId, text, after, sort, limit);
    }

    public CallLogQuery withContact(UUID contact) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contact, text, after, sort, limit);
    }

    public CallLogQuery sorted(CallSort order) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, after, order, limit);
    }

    public CallLogQuery between(Instant fromInclusive, Instant toExclusive) {
        return new CallLogQuery(orgId, fromInclusive, toExclusive, directions, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit);
    }
}
