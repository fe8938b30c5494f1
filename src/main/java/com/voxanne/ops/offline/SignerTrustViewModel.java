package com.voxanne.ops.offline;

import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bundle that is intact but signed by a key this console does not know: the reviewer can pin the
 * key once they know whose it is, so that colleague's bundles show as verified from then on.
 */
public final class SignerTrustViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignerTrustViewModel.class);

    private final Path keyFile;
    private final String fingerprint;
    private final String signedBy;
    private final BackgroundWork work;
    private final ReadOnlyBooleanWrapper trusted = new ReadOnlyBooleanWrapper(this, "trusted", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    /** @param signedBy who the manifest says exported it (a claim until the key is trusted) */
    public SignerTrustViewModel(Path keyFile, String fingerprint, String signedBy, Executor background, Executor fx) {
        this.keyFile = keyFile;
        this.fingerprint = fingerprint;
        this.signedBy = signedBy;
        this.work = new BackgroundWork(background, fx);
    }

    public static SignerTrustViewModel of(BundleVerifier.Verification verification, Path keyFile, Executor background, Executor fx) {
        var manifest = verification.manifest();
        String by = manifest.path("exportedBy").path("person").asText("someone") + " (" + manifest.path("exportedBy").path("login").asText("?")
                + ") of " + manifest.path("organization").path("name").asText("an organization");
        return new SignerTrustViewModel(keyFile, ReviewedBundle.unknownSigner(verification).orElseThrow(), by, background, fx);
    }

    public void trust() {
        problem.set("");
        work.run(() -> {
            try {
                InstallationKey.trust(keyFile, fingerprint, "trusted when reviewing a bundle exported by " + signedBy);
                return Boolean.TRUE;
            } catch (java.io.IOException e) {
                throw new com.voxanne.ops.base.UserFacingException("The key could not be added to the trusted keys: " + e.getMessage(), e);
            }
        }, (ok, failure) -> {
            if (failure != null) {
                problem.set(BackgroundWork.sentence(failure, LOG, "Trusting a key"));
            } else {
                trusted.set(true);
            }
        });
    }

    public String sentence() {
        return "This bundle is intact, but signed by a key this console does not know: " + fingerprint
                + ". It says it was exported by " + signedBy + ". Trust the key only if that person confirms this fingerprint.";
    }

    public ReadOnlyBooleanProperty trustedProperty() {
        return trusted.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
