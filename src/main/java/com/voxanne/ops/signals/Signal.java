package com.voxanne.ops.signals;

import java.util.UUID;

/**
 * One signal on one call with its evidence, in a sentence the database wrote, the same for the
 * console and the command line. {@code relatedCallId} is the later call of a repeat, else null.
 */
public record Signal(SignalKind kind, String evidence, UUID relatedCallId) {
}
