package com.voxanne.ops.quality;

import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The sampling settings of the signed-in organization: everyone reads them, admins change them (the database holds to both). */
public class ReviewSettingsService {

    private final Jdbi jdbi;

    public ReviewSettingsService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public ReviewSettings current() {
        return jdbi.withHandle(ReviewSettingsService::read).orElse(ReviewSettings.NONE);
    }

    /** An optimistic save: nothing changes if another admin saved since {@code seen} was read. */
    public SaveResult<ReviewSettings> save(ReviewSettings seen, double percent, List<String> always) {
        return SqlErrors.inWords(() -> {
            if (seen.updatedAt() == null) {
                return jdbi.inTransaction(h -> {
                    int added = h.createUpdate("""
                                    insert into voxconsole.review_settings (sample_percent, always_review) values (:pct, :always)
                                    on conflict (org_id) do nothing""")
                            .bind("pct", percent).bind("always", always.toArray(String[]::new)).execute();
                    Optional<ReviewSettings> now = read(h);
                    return added == 1 ? new SaveResult.Saved<>(now.orElse(null))
                            : now.<SaveResult<ReviewSettings>>map(SaveResult.Conflict::new).orElseGet(SaveResult.Refused::new);
                });
            }
            return OptimisticWrite.run(jdbi, h -> h.createUpdate("""
                                    update voxconsole.review_settings set sample_percent = :pct, always_review = :always
                                    where updated_at = :seen""")
                            .bind("pct", percent).bind("always", always.toArray(String[]::new))
                            .bind("seen", OptimisticWrite.utc(seen.updatedAt())).execute(),
                    ReviewSettingsService::read, ReviewSettings::updatedAt, seen.updatedAt());
        });
    }

    private static Optional<ReviewSettings> read(Handle h) {
        return h.createQuery("select sample_percent, always_review, updated_at from voxconsole.review_settings")
                .map((rs, ctx) -> new ReviewSettings(rs.getDouble(1), List.of((String[]) rs.getArray(2).getArray()),
                        rs.getTimestamp(3).toInstant()))
                .findOne();
    }
}
