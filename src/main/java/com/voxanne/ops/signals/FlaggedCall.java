package com.voxanne.ops.signals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A call with one signal or more, in the order the kinds are declared. */
public record FlaggedCall(UUID callId, Instant createdAt, List<Signal> signals) {
}
