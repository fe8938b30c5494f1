package com.voxanne.ops.quality;

import com.voxanne.ops.db.SqlErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Sends evaluations made offline to the server, as the signed-in person and under their
 * row-level security. Each evaluation goes in one transaction (its row, answers, comments, and
 * its submission), so a refusal leaves nothing of it behind; the evaluation's own id makes a second
 * import find it and add nothing. The database judges everything as it does a console's writes:
 * a call the person cannot see is refused by name, a question of another version by its key.
 */
public final class ReviewImport {

    /** What an import came to: how many went in, how many were there already, and one sentence per refusal. */
    public record Outcome(int imported, int alreadyThere, List<String> refused) {

        public Outcome {
            refused = List.copyOf(refused);
        }

        public String summary() {
            return imported + (imported == 1 ? " evaluation" : " evaluations") + " imported, " + alreadyThere + " already there"
                    + (refused.isEmpty() ? "." : ", " + refused.size() + " refused.");
        }
    }

    private final Jdbi jdbi;

    public ReviewImport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public Outcome run(OfflineEvaluations.Signed signed) {
        int imported = 0;
        int there = 0;
        List<String> refused = new ArrayList<>();
        String signer = "offline, key " + signed.signerFingerprint();
        for (OfflineEvaluations.Made m : signed.evaluations()) {
            try {
                boolean added = jdbi.inTransaction(h -> {
                    EvaluationDao dao = h.attach(EvaluationDao.class);
                    if (dao.find(m.id()).isPresent()) {
                        return false;
                    }
                    dao.insert(m.id(), m.callId(), m.versionId(), signer);
                    if (!m.answers().isEmpty()) {
                        dao.upsertAnswers(m.id(), m.answers());
                    }
                    for (OfflineEvaluations.Comment c : m.comments()) {
                        dao.insertComment(UUID.randomUUID(), m.id(), c.turnIndex(), c.body());
                    }
                    if (m.submitted()) {
                        dao.step(m.id(), Evaluation.SUBMITTED);
                    }
                    return true;
                });
                if (added) {
                    imported++;
                } else {
                    there++;
                }
            } catch (RuntimeException e) {
                refused.add(refusal(m, e));
            }
        }
        return new Outcome(imported, there, refused);
    }

    /** One line naming what was refused, and why in the database's words. */
    private static String refusal(OfflineEvaluations.Made m, RuntimeException e) {
        String constraint = constraintOf(e);
        if ("evaluations_call_visible".equals(constraint)) {
            return "Call " + m.callId() + " is not one of your organization's calls, so its evaluation " + m.id() + " was not imported.";
        }
        if ("evaluations_pkey".equals(constraint)) {
            return "Evaluation " + m.id() + " of call " + m.callId() + " is on the server already, made by another organization; not imported.";
        }
        return "Evaluation " + m.id() + " of call " + m.callId() + " was not imported: " + SqlErrors.describe(e, "the server");
    }

    private static String constraintOf(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.sql.BatchUpdateException b && b.getNextException() != null) {
                c = b.getNextException();
            }
            if (c instanceof java.sql.SQLException s) {
                return SqlErrors.constraint(s).orElse(null);
            }
        }
        return null;
    }
}
