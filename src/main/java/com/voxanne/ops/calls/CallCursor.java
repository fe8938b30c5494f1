package com.voxanne.ops.calls;

import java.time.Instant;
import java.util.UUID;

/**
 * A position in the call log: the sort keys of the last row already shown. {@code durationKey} is
 * the length with -1 for calls that have none, as the length orders compare it.
 */
public record CallCursor(Instant createdAt, UUID id, int durationKey) {
}
