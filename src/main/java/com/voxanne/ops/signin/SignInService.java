package com.voxanne.ops.signin;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.db.JdbcUrls;
import com.voxanne.ops.db.SchemaVersion;
import com.voxanne.ops.db.SqlErrors;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.records.ConsoleSession;
import com.voxanne.ops.records.ProfileDao;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a person in: opens their pool, then asks the database who they are. Blocking; view models
 * call it on the background executor. The demo workspace is started once and kept for the run.
 */
public class SignInService {

    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);

    private final Path workspaceDirectory;
    private final Path cacheDirectory;
    private final DemoOptions demoOptions;
    private EmbeddedServer workspace;
    /** The server bundles are reviewed on when this console has not started the demo: never the demo's own. */
    private EmbeddedServer reviewServer;
    /** A review server's folder made for this run only (the kept one was in use by another console), deleted at the end. */
    private Path throwawayReview;
    private com.voxanne.ops.demo.DemoTraffic traffic;

    public SignInService(Path workspaceDirectory, Path cacheDirectory, DemoOptions demoOptions) {
        this.workspaceDirectory = workspaceDirectory;
        this.cacheDirectory = cacheDirectory;
        this.demoOptions = demoOptions;
    }

    /** The reference cache of one signed-in person on this computer. */
    public com.voxanne.ops.setup.ReferenceCache referenceCache(SignedIn signedIn) {
        return new com.voxanne.ops.setup.ReferenceCache(cacheDirectory, signedIn.database().settings().server(), signedIn.session());
    }

    /** The setup this computer kept for a login on a server, for an offline start. Reads a small file: call it in the background. */
    public java.util.Optional<com.voxanne.ops.setup.ReferenceSnapshot> lastKnownSetup(ConnectionSettings settings) {
        return com.voxanne.ops.setup.ReferenceCache.lastKnown(cacheDirectory, settings.server(), settings.user());
    }

    public SignedIn signIn(ConnectionSettings settings, char[] password) {
        ConsoleDatabase db = ConsoleDatabase.open(settings, password, "console-" + settings.user());
        try {
            ConsoleSession session = db.jdbi().onDemand(ProfileDao.class).session().orElseThrow(() -> new UserFacingException(
                    "The login " + settings.user() + " has no active profile in the console: ask an administrator to link it to a profile."));
            SchemaVersion.requireCompatible(db.jdbi(), JdbcUrls.hostPart(settings.jdbcUrl()));
            LOG.info("Signed in as {} ({} of {})", settings.user(), session.role(), session.orgName());
            return new SignedIn(db, session, null);
        } catch (UserFacingException e) {
            db.close();
            throw e;
        } catch (RuntimeException e) {
            db.close();
            throw new UserFacingException(SqlErrors.describe(e, JdbcUrls.hostPart(settings.jdbcUrl())), e);
        }
    }

    /** The embedded server, started (and on first use created) if it is not running yet. Blocking. */
    public synchronized EmbeddedServer workspace(LongConsumer seedProgress) {
        if (workspace == null) {
            workspace = EmbeddedServer.start(workspaceDirectory, 0, demoOptions, seedProgress);
            // The demo floor is live: calls start and end while the console is open (-Dvoxconsole.demo.traffic=off stops it).
            // About two calls a minute: every eight seconds raised two alerts a minute and a pop-up for each (issue 15).
            if (!"off".equals(System.getProperty("voxconsole.demo.traffic"))) {
                traffic = com.voxanne.ops.demo.DemoTraffic.start(workspace.ownerDataSource(),
                        java.time.Duration.ofMillis(Long.getLong("voxconsole.demo.traffic.millis", 30_000)));
            }
        }
        return workspace;
    }

    /** Starts the embedded demo server if needed and signs in as one of its demo logins. */
    public synchronized SignedIn signInToDemo(String loginRole, LongConsumer seedProgress) {
        workspace(seedProgress);
        var login = workspace.demoLogins().stream().filter(l -> l.loginRole().equals(loginRole)).findFirst()
                .orElseThrow(() -> new UserFacingException("The demo workspace has no login " + loginRole + "."));
        SignedIn signedIn = signIn(new ConnectionSettings(workspace.jdbcUrl(), loginRole), login.password().toCharArray());
        return new SignedIn(signedIn.database(), signedIn.session(), "demo workspace");
    }

    /** Loads a bundle into its own review database on the embedded server (once) and signs in to it read-only. */
    public SignedIn signInToBundle(Path bundle, LongConsumer progress) {
        java.util.Set<String> trusted;
        try {
            trusted = com.voxanne.ops.bundle.InstallationKey.trustedFingerprints(
                    com.voxanne.ops.files.AppDirectories.forCurrentUser().data().resolve("installation-key"));
        } catch (java.io.IOException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        var review = com.voxanne.ops.offline.ReviewDatabase.open(reviewServer(), bundle, trusted, progress);
        return signIn(review.settings(), review.password()).reviewing(new com.voxanne.ops.offline.ReviewedBundle(bundle, review.verification()),
                com.voxanne.ops.offline.ReviewDatabase.CHECKING_BADGE, review.rest());
    }

    /**
     * Where a bundle is reviewed. A console that has the demo open reviews on its server; one that
     * has not uses a server of its own for reviews, so opening a bundle never waits for the demo to
     * be made, and works while another console has the demo (or the review server) open: then in a
     * folder of this run only.
     */
    synchronized EmbeddedServer reviewServer() {
        if (workspace != null) {
            return workspace;
        }
        if (reviewServer == null) {
            Path kept = workspaceDirectory.resolveSibling("review-workspace");
            try {
                reviewServer = EmbeddedServer.start(kept, 0, null);
            } catch (EmbeddedServer.InUse held) {
                throwawayReview = cacheDirectory.resolve("review-" + ProcessHandle.current().pid());
                LOG.info("The review server is open in another console; reviewing in {}", throwawayReview);
                reviewServer = EmbeddedServer.start(throwawayReview, 0, null);
            }
        }
        return reviewServer;
    }

    public int demoCalls() {
        return demoOptions.calls();
    }

    /** Stops the demo server, if one was started. Blocking. */
    public synchronized void shutdown() {
        if (traffic != null) {
            traffic.close();
            traffic = null;
        }
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
        if (reviewServer != null) {
            reviewServer.close();
            reviewServer = null;
        }
        if (throwawayReview != null) {
            try {
                EmbeddedServer.delete(throwawayReview);
            } catch (java.io.IOException e) {
                LOG.warn("Could not delete the review folder {}: {}", throwawayReview, e.getMessage());
            }
            throwawayReview = null;
        }
    }
}
