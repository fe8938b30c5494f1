package com.voxanne.ops.signin;

import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.profiles.ConsoleSession;

/**
 * A signed-in person: their pool, who the database says they are, and, when it is not the
 * organization's live server, a badge saying what it is ("demo workspace", "offline review · verified").
 */
public record SignedIn(ConsoleDatabase database, ConsoleSession session, String badge,
                       java.util.concurrent.CompletableFuture<Void> fullyLoaded) implements AutoCloseable {

    public SignedIn(ConsoleDatabase database, ConsoleSession session, String badge) {
        this(database, session, badge, java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    public boolean live() {
        return badge == null;
    }

    /** A bundle opened for offline review: read-only, nothing to export again. */
    public boolean offlineReview() {
        return badge != null && badge.startsWith("offline review");
    }

    public SignedIn withBadge(String text) {
        return new SignedIn(database, session, text, fullyLoaded);
    }

    /** For a bundle still loading in the background: completes when every row is there. */
    public SignedIn loadingUntil(java.util.concurrent.CompletableFuture<Void> done) {
        return new SignedIn(database, session, badge, done);
    }

    public String windowTitle() {
        String who = session.fullName() != null ? session.fullName() : session.email();
        return who + " · " + session.orgName() + " (" + session.role() + ")" + (badge == null ? "" : " · " + badge);
    }

    @Override
    public void close() {
        database.close();
    }
}
