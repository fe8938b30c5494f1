package com.voxanne.ops.quality;

import java.util.UUID;

/** A manager or admin a call can be assigned to. */
public record Reviewer(UUID id, String name) {

    @Override
    public String toString() {
        return name;
    }
}
