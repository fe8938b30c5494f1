package com.voxanne.ops.calls;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.sqlobject.SqlObject;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Calls, read under the signed-in person's role (row-level security keeps them to their own
 * organization). The log pages by keyset on its sort key (time, or length then time), never
 * OFFSET: page 5,000 costs what page 1 costs, and rows inserted meanwhile cannot shift a page.
 */
@RegisterConstructorMapper(CallSummary.class)
@RegisterConstructorMapper(CallDetail.class)
public interface CallDao extends SqlObject {

    /**
     * The document full-text search matches, computed from a call's columns: what
     * voxconsole.call_documents keeps for every call (V6). For the owner's comparisons in tests and
     * the bench; the console searches the kept documents through voxconsole.search_call_ids.
     */
    String SEARCH_DOCUMENT = "(setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'A')"
            + " || setweight(to_tsvector('english'::regconfig, coalesce(transcript, '')), 'B'))";


    String SUMMARY_COLUMNS = """
            c.id, c.created_at, c.call_direction, c.from_number, c.to_number, c.contact_id,
            nullif(concat_ws(' ', ct.first_name, ct.last_name), '') as contact_name, c.caller_name,
            c.duration_seconds, c.status, c.sentiment_label, c.sentiment_urgency, c.sentiment_score""";

    @SqlQuery("""
            select id, org_id, contact_id, call_direction, from_number, to_number, duration_seconds, status,
                   transcript, summary, sentiment_label, sentiment_score, sentiment_summary, sentiment_urgency,
                   phone_number, caller_name, vapi_call_id, recording_url, created_at, updated_at
            from public.calls where id = :id""")
    Optional<CallDetail> find(@Bind("id") UUID id);

    /** One page of the call log. Only the filters that are set reach the SQL, so each shape gets its own plan. */
    default List<CallSummary> page(CallLogQuery q) {
        return select(q, "select " + SUMMARY_COLUMNS + " from public.calls c left join public.contacts ct on ct.id = c.contact_id")
                .mapTo(CallSummary.class).list();
    }

    /** The same page with every column (transcripts included): what an export writes. */
    default List<CallDetail> detailPage(CallLogQuery q) {
        return select(q, """
                select c.id, c.org_id, c.contact_id, c.call_direction, c.from_number, c.to_number, c.duration_seconds, c.status,
                       c.transcript, c.summary, c.sentiment_label, c.sentiment_score, c.sentiment_summary, c.sentiment_urgency,
                       c.phone_number, c.caller_name, c.vapi_call_id, c.recording_url, c.created_at, c.updated_at
                from public.calls c""").mapTo(CallDetail.class).list();
    }

    /**
     * Those of {@code ids} that the filter matches, in the log's order: how live changes are read
     * (the filter decides whether a new or changed call belongs in what the person is looking at).
     */
    default List<CallSummary> matching(CallLogQuery q, java.util.Collection<UUID> ids) {
        return select(q.after(null), "select " + SUMMARY_COLUMNS + " from public.calls c left join public.contacts ct on ct.id = c.contact_id",
                false, List.copyOf(ids)).mapTo(CallSummary.class).list();
    }

    /** How many calls the filter matches (for an export's estimate; the log itself never counts). */
    default long count(CallLogQuery q) {
        return select(q.after(null), "select count(*) from public.calls c", false).mapTo(Long.class).one();
    }

    private Query select(CallLogQuery q, String selectFrom) {
        return select(q, selectFrom, true, null);
    }

    private Query select(CallLogQuery q, String selectFrom, boolean paged) {
        return select(q, selectFrom, paged, null);
    }

    private Query select(CallLogQuery q, String selectFrom, boolean paged, List<UUID> asked) {
        if (!q.signals().isEmpty() && q.onlyIds() == null) {
            throw new IllegalStateException("A filter by signal is turned into call ids by CallLogService first");
        }
        List<UUID> onlyIds = asked == null ? q.onlyIds() : q.onlyIds() == null ? asked
                : asked.stream().filter(new java.util.HashSet<>(q.onlyIds())::contains).toList();
        StringBuilder where = new StringBuilder(" and c.org_id = :orgId");
        List<Consumer<Query>> binds = new ArrayList<>();
        binds.add(s -> s.bind("orgId", q.orgId()));
        if (onlyIds != null) {
            where.append(" and c.id = any(:onlyIds)");
            binds.add(s -> s.bindArray("onlyIds", UUID.class, onlyIds));
        }
        if (q.after() != null) {
            where.append(" and ").append(q.sort().after());
            binds.add(s -> s.bind("afterCreatedAt", utc(q.after().createdAt())).bind("afterId", q.after().id()));
            if (q.sort().byLength()) {
                binds.add(s -> s.bind("afterDuration", q.after().durationKey()));
            }
        }
        if (q.from() != null) {
            where.append(" and c.created_at >= :from");
            binds.add(s -> s.bind("from", utc(q.from())));
        }
        if (q.to() != null) {
            where.append(" and c.created_at < :to");
            binds.add(s -> s.bind("to", utc(q.to())));
        }
        anyOf(where, binds, "c.call_direction", "directions", q.directions());
        anyOf(where, binds, "c.status", "statuses", q.statuses());
        anyOf(where, binds, "c.sentiment_label", "labels", q.sentimentLabels());
        anyOf(where, binds, "c.sentiment_urgency", "urgencies", q.urgencies());
        if (q.contactId() != null) {
            where.append(" and c.contact_id = :contactId");
            binds.add(s -> s.bind("contactId", q.contactId()));
        }
        if (q.text() != null) {
            // Not "c.search_vector @@ …" here: under row-level security that condition cannot use the
            // GIN index (the operator is not leakproof), and a rare word would read the whole
            // organization. The function searches the caller's own organization with the index and
            // names the ids; the rows are still read here, through RLS (V6__call_search.sql explains).
            where.append(" and c.id in (select ").append("""
                      voxconsole.search_call_ids(:text, :sortName, cast(:searchAfterCreatedAt as timestamptz),
                       cast(:searchAfterId as uuid), cast(:searchAfterDuration as integer), cast(:searchFrom as timestamptz),
                       cast(:searchTo as timestamptz), cast(:searchDirections as text[]), cast(:searchStatuses as text[]),
                       cast(:searchLabels as text[]), cast(:searchUrgencies as text[]), cast(:searchContact as uuid),
                       nullif(cast(:searchOnlyIds as uuid[]), '{}'), cast(:searchPageSize as integer)))""");
            binds.add(s -> s.bind("text", q.text())
                    .bind("sortName", q.sort().name())
                    .bind("searchAfterCreatedAt", q.after() == null ? null : utc(q.after().createdAt()))
                    .bind("searchAfterId", q.after() == null ? null : q.after().id())
                    .bind("searchAfterDuration", q.after() == null ? null : q.after().durationKey())
                    .bind("searchFrom", q.from() == null ? null : utc(q.from()))
                    .bind("searchTo", q.to() == null ? null : utc(q.to()))
                    .bindArray("searchDirections", String.class, q.directions())
                    .bindArray("searchStatuses", String.class, q.statuses())
                    .bindArray("searchLabels", String.class, q.sentimentLabels())
                    .bindArray("searchUrgencies", String.class, q.urgencies())
                    .bind("searchContact", q.contactId())
                    .bindArray("searchOnlyIds", UUID.class, onlyIds == null ? List.<UUID>of() : onlyIds)
                    .bind("searchPageSize", paged ? q.limit() : null));
        }
        Query statement = getHandle().createQuery(selectFrom + " where true" + where
                + (paged ? " order by " + q.sort().orderBy() + " limit :limit" : ""));
        if (paged) {
            statement.bind("limit", q.limit());
        }
        binds.forEach(b -> b.accept(statement));
        return statement;
    }

    private static void anyOf(StringBuilder where, List<Consumer<Query>> binds, String column, String name, Set<String> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" = any(:").append(name).append(")");
            binds.add(s -> s.bindArray(name, String.class, values));
        }
    }

    private static OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
