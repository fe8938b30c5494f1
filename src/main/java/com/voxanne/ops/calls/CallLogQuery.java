package com.voxanne.ops.calls;

import com.voxanne.ops.db.TypedText;
import com.voxanne.ops.signals.SignalKind;
import java.time.Instant;
import java.util.List;
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
 * @param signals only calls with one of these signals (docs/SIGNALS.md) in the period, or the last
 *     30 days when it has no dates; {@link CallLogService} turns them into {@code onlyIds}
 * @param onlyIds only these calls, or null for no such limit
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
        int limit,
        Set<SignalKind> signals,
        List<UUID> onlyIds) {

    public static final int MAX_PAGE = 1_000;

    public CallLogQuery {
        Objects.requireNonNull(orgId, "orgId");
        directions = Set.copyOf(Objects.requireNonNullElse(directions, Set.of()));
        statuses = Set.copyOf(Objects.requireNonNullElse(statuses, Set.of()));
        sentimentLabels = Set.copyOf(Objects.requireNonNullElse(sentimentLabels, Set.of()));
        urgencies = Set.copyOf(Objects.requireNonNullElse(urgencies, Set.of()));
        text = TypedText.cleanOrNull(text);
        sort = sort == null ? CallSort.NEWEST : sort;
        signals = signals == null || signals.isEmpty() ? Set.of() : Set.copyOf(signals);
        onlyIds = onlyIds == null ? null : List.copyOf(onlyIds);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page holds between 1 and " + MAX_PAGE + " calls.");
        }
    }

    public static CallLogQuery firstPage(UUID orgId, int limit) {
        return new CallLogQuery(orgId, null, null, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, CallSort.NEWEST, limit, Set.of(), null);
    }

    public CallLogQuery after(CallCursor cursor) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, cursor, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withText(String query) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, query, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withDirections(Set<String> values) {
        return new CallLogQuery(orgId, from, to, values, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withStatuses(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, values, sentimentLabels, urgencies, contactId, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withSentimentLabels(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, statuses, values, urgencies, contactId, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withUrgencies(Set<String> values) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, values, contactId, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withContact(UUID contact) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contact, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery sorted(CallSort order) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, after, order, limit, signals, onlyIds);
    }

    public CallLogQuery between(Instant fromInclusive, Instant toExclusive) {
        return new CallLogQuery(orgId, fromInclusive, toExclusive, directions, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit, signals, onlyIds);
    }

    public CallLogQuery withSignals(Set<SignalKind> kinds) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit, kinds, onlyIds);
    }

    public CallLogQuery onlyIds(List<UUID> ids) {
        return new CallLogQuery(orgId, from, to, directions, statuses, sentimentLabels, urgencies, contactId, text, after, sort, limit, signals, ids);
    }
}
