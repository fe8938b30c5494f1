package com.voxanne.ops.quality;

import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SqlErrors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The review queue: the database fills it (the day's sample, the signals always reviewed), hands
 * out the next call so that two reviewers never get the same one, and takes a call out when its
 * evaluation is submitted.
 */
public class ReviewQueueService {

    /** How far back the queue is filled each time the workspace asks. */
    public static final Duration FILL_WINDOW = Duration.ofDays(7);

    private static final Instant BEFORE_EVERYTHING = Instant.parse("1970-01-01T00:00:00Z");

    private final Jdbi jdbi;

    public ReviewQueueService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Adds what the sampling settings ask for the week before {@code now}; returns how many items were added or gained a reason. */
    public int topUp(Instant now) {
        return SqlErrors.inWords(() -> jdbi.withExtension(ReviewQueueDao.class,
                dao -> dao.topUp(OptimisticWrite.utc(now.minus(FILL_WINDOW)), OptimisticWrite.utc(now.plusSeconds(1)))));
    }

    /** Tops the queue up and takes the next call: the reviewer's own unfinished one, one assigned to them, or the oldest left for anyone. */
    public Optional<UUID> takeNext(Instant now) {
        return SqlErrors.inWords(() -> jdbi.inTransaction(h -> {
            ReviewQueueDao dao = h.attach(ReviewQueueDao.class);
            dao.topUp(OptimisticWrite.utc(now.minus(FILL_WINDOW)), OptimisticWrite.utc(now.plusSeconds(1)));
            return dao.takeNext();
        }));
    }

    /** Sends a call to review, optionally for one manager; a reviewed call comes back for another look. */
    public UUID send(UUID callId, UUID assignee) {
        return SqlErrors.inWords(() -> jdbi.withExtension(ReviewQueueDao.class, dao -> dao.send(callId, assignee)));
    }

    /** Assigns an item (null: for anyone); false when someone changed it since {@code seen}. */
    public boolean assign(UUID itemId, UUID assignee, Instant seen) {
        return SqlErrors.inWords(() -> jdbi.withExtension(ReviewQueueDao.class, dao -> dao.assign(itemId, assignee, OptimisticWrite.utc(seen)) == 1));
    }

    public boolean release(UUID itemId) {
        return SqlErrors.inWords(() -> jdbi.withExtension(ReviewQueueDao.class, dao -> dao.release(itemId) == 1));
    }

    public List<Reviewer> reviewers() {
        return jdbi.withExtension(ReviewQueueDao.class, ReviewQueueDao::reviewers);
    }

    /** The first {@code limit} waiting calls after {@code after} (null: from the oldest). */
    public List<QueueItem> waiting(QueueItem after, int limit) {
        return jdbi.withExtension(ReviewQueueDao.class, dao -> dao.waiting(OptimisticWrite.utc(after == null ? BEFORE_EVERYTHING : after.callCreatedAt()),
                after == null ? new UUID(0, 0) : after.id(), limit));
    }

    /** The queue's size and age, and each reviewer's submissions since the start of {@code today} in {@code zone}. */
    public QueueStats stats(LocalDate today, ZoneId zone) {
        return jdbi.withHandle(h -> {
            ReviewQueueDao dao = h.attach(ReviewQueueDao.class);
            ReviewQueueDao.Size size = dao.size();
            return new QueueStats(size.waiting(), size.oldestCall(),
                    dao.reviewersSince(today.atStartOfDay(zone).toOffsetDateTime()));
        });
    }
}
