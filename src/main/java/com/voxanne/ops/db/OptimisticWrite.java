package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * One optimistic write: an UPDATE (or DELETE) that names the version the person saw, then the row
 * read again in the same transaction to tell a save from a conflict, a vanished row or a refusal.
 * Database errors (constraints, rights) become one sentence.
 */
public final class OptimisticWrite {

    private OptimisticWrite() {
    }

    /**
     * @param write   runs the statement; must include {@code updated_at = <seen>} (or an equivalent
     *                precondition) and return the number of rows it changed
     * @param reread  the row as it is now, under the person's role
     * @param version the row's version (its updated_at), to tell "changed by someone" from "refused"
     */
    public static <T> SaveResult<T> run(Jdbi jdbi, Function<Handle, Integer> write, Function<Handle, Optional<T>> reread,
                                        Function<T, Instant> version, Instant seen) {
        try {
            return jdbi.inTransaction(h -> {
                int changed = write.apply(h);
                Optional<T> now = reread.apply(h);
                if (now.isEmpty()) {
                    return changed > 0 ? new SaveResult.Saved<>(null) : new SaveResult.Gone<>();
                }
                if (changed > 0) {
                    return new SaveResult.Saved<>(now.get());
                }
                return version.apply(now.get()).equals(seen) ? new SaveResult.Refused<>() : new SaveResult.Conflict<>(now.get());
            });
        } catch (RuntimeException e) {
            throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
        }
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
