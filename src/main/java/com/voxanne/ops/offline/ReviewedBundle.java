package com.voxanne.ops.offline;

import com.voxanne.ops.bundle.BundleVerifier;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The bundle a review session shows: where it is (its notes live beside it) and its check, which
 * completes in the background after the first page is on screen.
 */
public record ReviewedBundle(Path file, CompletableFuture<BundleVerifier.Verification> check) {

    /** The signer's key fingerprint when the bundle is intact but signed by a key this console does not know yet. */
    public static Optional<String> unknownSigner(BundleVerifier.Verification v) {
        return v.status() == BundleVerifier.Status.UNTRUSTED
                ? Optional.of(v.manifest().path("keyFingerprint").asText())
                : Optional.empty();
    }
}
