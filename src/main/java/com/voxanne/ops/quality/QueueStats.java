package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.List;

/**
 * The queue at a glance: how many calls wait, since when, and what each reviewer has done today.
 *
 * @param oldestCall when the oldest waiting call began (null for an empty queue)
 */
public record QueueStats(int waiting, Instant oldestCall, List<ReviewerDay> reviewersToday) {

    public QueueStats {
        reviewersToday = List.copyOf(reviewersToday);
    }

    /** One reviewer's evaluations submitted today, and how many of those passed. */
    public record ReviewerDay(String reviewer, int submitted, int passed) {
    }
}
