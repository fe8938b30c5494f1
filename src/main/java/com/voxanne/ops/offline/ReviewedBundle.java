package com.voxanne.ops.offline;

import java.nio.file.Path;

/** The bundle a review session shows: where it is (its notes live beside it) and what its check found. */
public record ReviewedBundle(Path file, BundleVerifier.Verification verification) {

    /** The signer's key fingerprint when the bundle is intact but signed by a key this console does not know yet. */
    public java.util.Optional<String> unknownSigner() {
        return verification.status() == BundleVerifier.Status.UNTRUSTED
                ? java.util.Optional.of(verification.manifest().path("keyFingerprint").asText())
                : java.util.Optional.empty();
    }
}
