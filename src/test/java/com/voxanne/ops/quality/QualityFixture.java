package com.voxanne.ops.quality;

import com.voxanne.ops.TestWorkspace;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Forms made for one test in Harley Street's organization, and the calls to evaluate against them; dropped afterwards. */
final class QualityFixture {

    static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    static final UUID BRIGHTSIDE = TestWorkspace.orgId("Brightside Physiotherapy");

    /** A question to make: type, weight, N/A allowed, critical; choices as JSON for a choice. */
    record Spec(String type, double weight, boolean allowsNa, boolean critical, String choices) {

        static Spec yesNo(double weight) {
            return new Spec("yes_no", weight, false, false, null);
        }

        Spec withNa() {
            return new Spec(type, weight, true, critical, choices);
        }

        Spec asCritical() {
            return new Spec(type, weight, allowsNa, true, choices);
        }
    }

    /** A made form: its version and its questions' ids in order. */
    record Made(UUID formId, UUID versionId, List<UUID> questions) {

        UUID q(int position) {
            return questions.get(position - 1);
        }
    }

    private QualityFixture() {
    }

    static Jdbi owner() {
        return TestWorkspace.owner();
    }

    static Jdbi as(String role) {
        return TestWorkspace.as("harley", role).jdbi();
    }

    /** Made by the owner, so a test of the arithmetic does not depend on the admin's rights (tested on their own). */
    static Made form(double passMark, Spec... specs) {
        UUID form = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        List<UUID> questions = new ArrayList<>();
        owner().useTransaction(h -> {
            h.execute("insert into voxconsole.scorecard_forms (id, org_id, name, kind) values (?, ?, ?, 'clinic')", form, HARLEY,
                    "Test form " + form);
            h.execute("insert into voxconsole.scorecard_versions (id, org_id, form_id, version, pass_mark) values (?, ?, ?, 1, ?)", version,
                    HARLEY, form, passMark);
            int position = 1;
            for (Spec s : specs) {
                UUID q = UUID.randomUUID();
                h.execute("insert into voxconsole.scorecard_questions (id, org_id, version_id, section, position, prompt, answer_type, choices,"
                        + " weight, allows_na, critical) values (?, ?, ?, 'Section', ?, ?, ?, cast(? as jsonb), ?, ?, ?)", q, HARLEY, version,
                        position, "Question " + position, s.type(), s.choices(), s.weight(), s.allowsNa(), s.critical());
                questions.add(q);
                position++;
            }
        });
        return new Made(form, version, List.copyOf(questions));
    }

    /** Takes the form away again with everything evaluated against any of its versions. */
    static void drop(Made made) {
        owner().useTransaction(h -> {
            h.execute("delete from voxconsole.review_queue where evaluation_id in (select e.id from voxconsole.evaluations e"
                    + " join voxconsole.scorecard_versions v on v.id = e.version_id where v.form_id = ?)", made.formId());
            h.execute("delete from voxconsole.evaluations e using voxconsole.scorecard_versions v where v.id = e.version_id and v.form_id = ?",
                    made.formId());
            h.execute("delete from voxconsole.scorecard_forms where id = ?", made.formId());
        });
    }

    /** The n-th completed call of an organization, oldest first (a stable choice across tests). */
    static UUID call(UUID org, int n) {
        return owner().withHandle(h -> h.createQuery("select id from calls where org_id = :org and status = 'completed' order by created_at, id"
                + " offset :n limit 1").bind("org", org).bind("n", n).mapTo(UUID.class).one());
    }

    /** Runs one statement and says how many rows it changed. */
    static int exec(Jdbi login, String sql, Object... args) {
        return login.withHandle(h -> h.execute(sql, args));
    }

    static EvaluationService evaluations(String role) {
        return new EvaluationService(as(role));
    }
}
