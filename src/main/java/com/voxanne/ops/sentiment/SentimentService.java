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
    public record Overview(List<SentimentDao.Bucket> mix, List<SentimentDao.Count> urgencies, List<SentimentDao.Pair> directionAndStatus,
                           List<SentimentDao.AttentionCall> needingAttention) {
    }

    public Overview overview(UUID org, SentimentPeriod period, ZoneId zone) {
        var from = period.startInstant(zone).atOffset(ZoneOffset.UTC);
        var to = period.endInstant(zone).atOffset(ZoneOffset.UTC);
        return jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
            h.execute("set transaction read only");
            SentimentDao dao = h.attach(SentimentDao.class);
            return new Overview(dao.mix(org, from, to, period.bucket(), zone.getId()), dao.urgencies(org, from, to),
                    dao.directionAndStatus(org, from, to), dao.needingAttention(org, from, to, 25));
        });
    }
}
