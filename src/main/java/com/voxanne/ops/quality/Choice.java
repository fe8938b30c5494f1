package com.voxanne.ops.quality;

/** One choice of a choice question: what the reviewer reads, and what it scores (0 to 1). */
public record Choice(String label, double value) {
}
