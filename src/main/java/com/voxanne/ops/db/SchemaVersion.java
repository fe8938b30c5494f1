package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.sql.SQLException;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a server's schema is the one this console is built for. Checked at sign-in: an older
 * schema would fail query by query with messages about missing columns, a newer one could hold
 * rules this console does not know; both are refused with one sentence that says who can fix it.
 */
public final class SchemaVersion {

    private SchemaVersion() {
    }

    /** @throws UserFacingException when the server's schema is older or newer than this console's */
    public static void requireCompatible(Jdbi signedIn, String server) {
        int wanted = SchemaMigrator.latestVersion();
        Integer found;
        try {
            found = signedIn.withHandle(h -> h.createQuery("select voxconsole.schema_version()").mapTo(Integer.class).one());
        } catch (RuntimeException e) {
            if (isMissingFunction(e)) {
                // Servers migrated before V12 cannot say their version: they are older than this console.
                throw new UserFacingException("The schema on " + server + " is older than this console needs (version " + wanted
                        + "): ask an administrator to run 'voxconsole migrate' on it.", e);
            }
            throw e;
        }
        if (found == null || found < wanted) {
            throw new UserFacingException("The schema on " + server + " is at version " + (found == null ? "unknown" : found)
                    + ", older than this console needs (" + wanted + "): ask an administrator to run 'voxconsole migrate' on it.");
        }
        if (found > wanted) {
            throw new UserFacingException("The schema on " + server + " is at version " + found + ", newer than this console knows ("
                    + wanted + "): install the console's newest version.");
        }
    }

    private static boolean isMissingFunction(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && ("42883".equals(s.getSQLState()) || "3F000".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
