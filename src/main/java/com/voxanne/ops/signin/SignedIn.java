package com.voxanne.ops.signin;

import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.profiles.ConsoleSession;

/** A signed-in person: their pool, who the database says they are, and where they signed in. */
public record SignedIn(ConsoleDatabase database, ConsoleSession session, boolean demo) implements AutoCloseable {

    public String windowTitle() {
        String who = session.fullName() != null ? session.fullName() : session.email();
        return who + " · " + session.orgName() + " (" + session.role() + ")" + (demo ? " · demo workspace" : "");
    }

    @Override
    public void close() {
        database.close();
    }
}
