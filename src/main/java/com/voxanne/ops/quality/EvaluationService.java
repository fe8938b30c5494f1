package com.voxanne.ops.quality;

import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Evaluating calls. Every save is optimistic: it names the updated_at the person saw, and if
 * someone else saved the evaluation since, nothing is written and the result is a
 * {@link SaveResult.Conflict} carrying their version (the caller keeps what was typed). The
 * database computes the score and holds every rule; this class only sends what the person did.
 */
public class EvaluationService {

    private final Jdbi jdbi;

    public EvaluationService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Optional<Evaluation> find(UUID id) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.find(id));
    }

    public List<Evaluation> ofCall(UUID callId) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.ofCall(callId));
    }

    public List<Answer> answers(UUID evaluationId) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.answers(evaluationId));
    }

    public List<EvaluationComment> comments(UUID evaluationId) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.comments(evaluationId));
    }

    /** A new draft of the signed-in manager's, against {@code versionId}. */
    public Evaluation start(UUID callId, UUID versionId) {
        UUID id = UUID.randomUUID();
        return SqlErrors.inWords(() -> jdbi.inTransaction(h -> {
            EvaluationDao dao = h.attach(EvaluationDao.class);
            dao.insert(id, callId, versionId, null);
            return dao.find(id).orElseThrow();
        }));
    }

    /** Keeps the answers as they are now; the evaluation stays a draft (or reopened). */
    public SaveResult<Evaluation> save(UUID id, Instant seen, List<Answer> answers) {
        return optimistic(id, seen, null, null, h -> writeAnswers(h, id, answers));
    }

    /** Keeps the answers and submits: the database refuses it while a question is unanswered. */
    public SaveResult<Evaluation> submit(UUID id, Instant seen, List<Answer> answers) {
        return optimistic(id, seen, null, null, h -> {
            writeAnswers(h, id, answers);
            h.attach(EvaluationDao.class).step(id, Evaluation.SUBMITTED);
        });
    }

    /** A second manager signs a submitted evaluation off (the database refuses a reviewer's own). */
    public SaveResult<Evaluation> signOff(UUID id, Instant seen) {
        return optimistic(id, seen, Evaluation.SIGNED_OFF, null, h -> {
        });
    }

    /** Back to the reviewer, with the reason they will read. */
    public SaveResult<Evaluation> reopen(UUID id, Instant seen, String reason) {
        return optimistic(id, seen, Evaluation.REOPENED, reason == null ? "" : reason.strip(), h -> {
        });
    }

    /** A comment pinned to a transcript turn ({@code turnIndex}), or to the whole call when null. */
    public EvaluationComment comment(UUID evaluationId, Integer turnIndex, String body) {
        UUID id = UUID.randomUUID();
        return SqlErrors.inWords(() -> jdbi.inTransaction(h -> {
            EvaluationDao dao = h.attach(EvaluationDao.class);
            dao.insertComment(id, evaluationId, turnIndex, body == null ? "" : body.strip());
            return dao.comments(evaluationId).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        }));
    }

    public boolean deleteComment(UUID commentId) {
        return SqlErrors.inWords(() -> jdbi.withExtension(EvaluationDao.class, dao -> dao.deleteComment(commentId)) == 1);
    }

    private interface Step {
        void on(Handle h);
    }

    private SaveResult<Evaluation> optimistic(UUID id, Instant seen, String status, String reason, Step then) {
        return OptimisticWrite.run(jdbi, h -> {
            int moved = h.attach(EvaluationDao.class).move(id, OptimisticWrite.utc(seen), status, reason);
            if (moved == 1) {
                then.on(h);
            }
            return moved;
        }, h -> h.attach(EvaluationDao.class).find(id), Evaluation::updatedAt, seen);
    }

    private static void writeAnswers(Handle h, UUID id, List<Answer> answers) {
        EvaluationDao dao = h.attach(EvaluationDao.class);
        dao.deleteAnswersBut(id, answers.stream().map(Answer::questionId).toArray(UUID[]::new));
        if (!answers.isEmpty()) {
            dao.upsertAnswers(id, answers);
        }
    }
}
