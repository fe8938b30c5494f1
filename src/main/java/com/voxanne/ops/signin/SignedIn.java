package com.voxanne.ops.signin;

import com.voxanne.ops.setup.ReferenceSnapshot;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.offline.ReviewedBundle;
import com.voxanne.ops.records.ConsoleSession;
import java.util.concurrent.CompletableFuture;

/**
 * A signed-in person: their pool, who the database says they are, and, when it is not the
 * organization's live server, a badge saying what it is ("demo workspace", "offline review · verified").
 *
 * @param database    their pool; null only for {@link #offline(ReferenceSnapshot) the setup kept on this computer}
 * @param fullyLoaded for a bundle still loading in the background: completes when every row is there
 * @param reviewed    the bundle under offline review, or null
 * @param keptSetup   the reference setup shown with no server, or null
 */
public record SignedIn(ConsoleDatabase database, ConsoleSession session, String badge,
                       CompletableFuture<Void> fullyLoaded, ReviewedBundle reviewed, ReferenceSnapshot keptSetup) implements AutoCloseable {

    public SignedIn(ConsoleDatabase database, ConsoleSession session, String badge) {
        this(database, session, badge, CompletableFuture.completedFuture(null), null, null);
    }

    /** No server at all: who the person was when the setup was last fetched, and that setup. */
    public static SignedIn offline(ReferenceSnapshot kept) {
        return new SignedIn(null, kept.session(), "offline · saved setup", CompletableFuture.completedFuture(null), null, kept);
    }

    /** False only for the offline setup: there is no database behind it. */
    public boolean connected() {
        return database != null;
    }

    public boolean live() {
        return badge == null;
    }

    /** A bundle opened for offline review: read-only, nothing to export again. */
    public boolean offlineReview() {
        return reviewed != null;
    }

    /** The same session reviewing {@code bundle}, whose rows are all there when {@code done} completes. */
    public SignedIn reviewing(ReviewedBundle bundle, String badgeText, CompletableFuture<Void> done) {
        return new SignedIn(database, session, badgeText, done, bundle, null);
    }

    /** The same session under another badge (a reviewed bundle's check has finished). */
    public SignedIn withBadge(String text) {
        return new SignedIn(database, session, text, fullyLoaded, reviewed, keptSetup);
    }

    public String windowTitle() {
        String who = session.fullName() != null ? session.fullName() : session.email();
        return who + " · " + session.orgName() + " (" + session.role() + ")" + (badge == null ? "" : " · " + badge);
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
        }
    }
}
