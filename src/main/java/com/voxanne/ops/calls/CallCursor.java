package com.voxanne.ops.calls;

import java.time.Instant;
import java.util.UUID;

/** A position in the call log (newest first): the created_at and id of the last row already shown. */
public record CallCursor(Instant createdAt, UUID id) {
}
