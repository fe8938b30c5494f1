package com.voxanne.ops.quality;

import java.time.Instant;
import java.util.UUID;

/** A reviewer's comment, pinned to a transcript turn (numbered from 0 as the transcript view shows them) or to the whole call. */
public record EvaluationComment(UUID id, Integer turnIndex, String body, UUID authorId, String authorName, Instant createdAt,
                                Instant updatedAt) {
}
