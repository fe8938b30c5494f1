package com.voxanne.ops.sentiment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The sentiment charts' numbers, aggregated in the database: the console never pulls raw rows
 * to count them. Each query names the organization as a constant for the planner; row-level
 * security still decides what is visible.
 */
@RegisterConstructorMapper(SentimentDao.Bucket.class)
@RegisterConstructorMapper(SentimentDao.Count.class)
@RegisterConstructorMapper(SentimentDao.Pair.class)
@RegisterConstructorMapper(SentimentDao.AttentionCall.class)
@RegisterConstructorMapper(SentimentDao.CountRow.class)
@RegisterConstructorMapper(SentimentDao.Totals.class)
public interface SentimentDao {

    /** One bar of the mix chart and one point of the score trend. */
    record Bucket(LocalDate day, long positive, long neutral, long negative, BigDecimal averageScore) {
    }

    record Count(String value, long calls) {
    }

    record Pair(String first, String second, long calls) {
    }

    record AttentionCall(UUID id, Instant createdAt, String callerName, String sentimentUrgency, BigDecimal sentimentScore,
                         String summary) {
    }

    /**
     * One row of {@link #counts}: {@code kind} says which chart it belongs to ("mix": a bucket with
     * its label counts and average score; "urgency": a value and its count; "direction": direction,
     * status and count).
     */
    record CountRow(String kind, LocalDate day, String first, String second, long positive, long neutral, long negative, long calls,
                    BigDecimal averageScore) {
    }

    /**
     * Every count of the charts from one pass over the period's calls: the CTE is read once (an
     * index-only scan of the keyset index, which carries the labels) and aggregated three ways.
     */
    @SqlQuery("""
            with period as materialized (
              select date_trunc(:bucket, created_at at time zone :zone)::date as day, sentiment_label, sentiment_score,
                     sentiment_urgency, call_direction, status
              from public.calls
              where org_id = :org and created_at >= :from and created_at < :to)
            select 'mix' as kind, day, null as first, null as second,
                   count(*) filter (where sentiment_label = 'positive') as positive,
                   count(*) filter (where sentiment_label = 'neutral') as neutral,
                   count(*) filter (where sentiment_label = 'negative') as negative,
                   count(*) as calls, round(avg(sentiment_score), 3) as average_score
            from period where sentiment_label is not null group by day
            union all
            select 'urgency', null, sentiment_urgency, null, 0, 0, 0, count(*), null
            from period where sentiment_urgency is not null group by sentiment_urgency
            union all
            select 'direction', null, call_direction, status, 0, 0, 0, count(*), null
            from period group by call_direction, status""")
    List<CountRow> counts(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                          @Bind("bucket") String bucket, @Bind("zone") String zone);

    /** A period's headline numbers: calls, how many were judged and how many of those negative, the average score. */
    record Totals(long calls, long labelled, long negative, BigDecimal averageScore) {
    }

    /** The headline numbers of one period (the period itself, or the one before it for the change). */
    @SqlQuery("""
            select count(*) as calls, count(sentiment_label) as labelled,
                   count(*) filter (where sentiment_label = 'negative') as negative, round(avg(sentiment_score), 3) as average_score
            from public.calls
            where org_id = :org and created_at >= :from and created_at < :to""")
    Totals totals(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to);

    /** Negative calls, the most urgent and the unhappiest first. */
    @SqlQuery("""
            select c.id, c.created_at, coalesce(nullif(concat_ws(' ', ct.first_name, ct.last_name), ''), c.caller_name) as caller_name,
                   c.sentiment_urgency, c.sentiment_score, c.summary
            from public.calls c left join public.contacts ct on ct.id = c.contact_id
            where c.org_id = :org and c.created_at >= :from and c.created_at < :to and c.sentiment_label = 'negative'
            order by case c.sentiment_urgency when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end,
                     c.sentiment_score, c.created_at desc
            limit :limit""")
    List<AttentionCall> needingAttention(@Bind("org") UUID org, @Bind("from") OffsetDateTime from, @Bind("to") OffsetDateTime to,
                                         @Bind("limit") int limit);
}
