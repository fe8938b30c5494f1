package com.voxanne.ops.quality;

import com.voxanne.ops.bundle.InstallationKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * An offline review's evaluations and the file beside its bundle. The review copy's database is
 * where the reviewer works (the same form, scored by the same view); after every write the whole
 * set is kept in the signed file, which is what travels back and what {@code review import} reads.
 * On opening a bundle again, the file's evaluations go back into its copy, so a copy made anew (a
 * newer console) loses nothing.
 */
public final class OfflineReviewFile {

    private OfflineReviewFile() {
    }

    /** Writes every evaluation of the review copy beside {@code bundle}, signed by {@code key}. */
    public static int keep(Jdbi review, Path bundle, InstallationKey key) throws IOException {
        List<OfflineEvaluations.Made> made = review.withHandle(h -> {
            EvaluationDao dao = h.attach(EvaluationDao.class);
            List<OfflineEvaluations.Made> all = new ArrayList<>();
            for (Evaluation e : dao.all()) {
                List<OfflineEvaluations.Comment> comments = dao.comments(e.id()).stream()
                        .map(c -> new OfflineEvaluations.Comment(c.turnIndex(), c.body())).toList();
                // Offline there is nobody to sign off: what was submitted travels as submitted, the rest as a draft.
                String status = e.editable() ? Evaluation.DRAFT : Evaluation.SUBMITTED;
                all.add(new OfflineEvaluations.Made(e.id(), e.callId(), e.versionId(), status, dao.answers(e.id()), comments, e.updatedAt()));
            }
            return all;
        });
        OfflineEvaluations.write(bundle, sha256(bundle), key, made);
        return made.size();
    }

    /** Puts the evaluations kept beside {@code bundle} back into its review copy; nothing when there are none yet. */
    public static Optional<ReviewImport.Outcome> restore(Jdbi review, Path bundle) {
        if (!Files.exists(OfflineEvaluations.besideBundle(bundle))) {
            return Optional.empty();
        }
        return Optional.of(new ReviewImport(review).run(OfflineEvaluations.read(bundle)));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
