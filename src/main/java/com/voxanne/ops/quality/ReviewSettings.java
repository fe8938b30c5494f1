package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.List;

/**
 * How an organization samples its calls for review: the share of each day's completed calls, and
 * the signal kinds whose calls are always reviewed. {@code updatedAt} is null before an admin first
 * saves them.
 */
public record ReviewSettings(double samplePercent, List<String> alwaysReview, Instant updatedAt) {

    public ReviewSettings {
        alwaysReview = List.copyOf(alwaysReview);
    }

    public static final ReviewSettings NONE = new ReviewSettings(0, List.of(), null);
}
