package com.voxanne.ops.sentiment;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Reads every chart of the sentiment workspace in one repeatable-read transaction, so the charts agree. */
public class SentimentService {

    private final Jdbi jdbi;

    public SentimentService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What the workspace shows for one period. */
    public record Overview(SentimentDao.Totals totals, SentimentDao.Totals previousTotals, List<SentimentDao.Bucket> mix, List<SentimentDao.Count> urgencies, List<SentimentDao.Pair> directionAndStatus,
                           List<SentimentDao.AttentionCall> needingAttention) {
    }

    public Overview overview(UUID org, SentimentPeriod period, ZoneId zone) {
        var from = period.startInstant(zone).atOffset(ZoneOffset.UTC);
        var to = period.endInstant(zone).atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            SentimentDao dao = h.attach(SentimentDao.class);
            List<SentimentDao.CountRow> counts = dao.counts(org, from, to, period.bucket(), zone.getId());
            List<SentimentDao.Bucket> mix = counts.stream().filter(r -> r.kind().equals("mix"))
                    .map(r -> new SentimentDao.Bucket(r.day(), r.positive(), r.neutral(), r.negative(), r.averageScore()))
                    .sorted(java.util.Comparator.comparing(SentimentDao.Bucket::day)).toList();
            List<SentimentDao.Count> urgencies = counts.stream().filter(r -> r.kind().equals("urgency"))
                    .map(r -> new SentimentDao.Count(r.first(), r.calls())).toList();
            List<SentimentDao.Pair> directions = counts.stream().filter(r -> r.kind().equals("direction"))
                    .map(r -> new SentimentDao.Pair(r.first(), r.second(), r.calls())).toList();
            SentimentPeriod before = period.previous();
            SentimentDao.Totals totals = dao.totals(org, from, to);
            SentimentDao.Totals previous = dao.totals(org, before.startInstant(zone).atOffset(ZoneOffset.UTC), from);
            return new Overview(totals, previous, mix, urgencies, directions, dao.needingAttention(org, from, to, 25));
        });
    }
}
