package com.voxanne.ops.bundle;

import java.io.IOException;

/**
 * Something in a bundle that no export writes, in words a person can read after "The bundle could
 * not be loaded for review: " (lower case, no full stop).
 */
public final class BundleContentException extends IOException {

    public BundleContentException(String clause) {
        super(clause);
    }
}
