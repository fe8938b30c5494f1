package com.voxanne.ops.quality;

import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The statements that write a form, in the caller's transaction. With an organization (the owner
 * loading the demo) the rows name it; without one they take the signed-in admin's by default,
 * which row-level security holds them to.
 */
final class ScorecardWrites {

    /** A version with its form, as {@link #newForm} made it. */
    record Written(UUID formId, UUID versionId) {
    }

    private record Newest(UUID id, int version, boolean used) {
    }

    private ScorecardWrites() {
    }

    static Written newForm(Handle h, FormDesign design, UUID org) {
        UUID formId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        String orgColumn = org == null ? "" : ", org_id";
        String orgValue = org == null ? "" : ", :org";
        h.createUpdate("insert into voxconsole.scorecard_forms (id, name, kind" + orgColumn + ") values (:id, :name, :kind" + orgValue + ")")
                .bind("id", formId).bind("name", design.name()).bind("kind", design.kind()).bind("org", org).execute();
        h.createUpdate("insert into voxconsole.scorecard_versions (id, form_id, version, pass_mark" + orgColumn + ")"
                        + " values (:id, :form, 1, :pass" + orgValue + ")")
                .bind("id", versionId).bind("form", formId).bind("pass", design.passMark()).bind("org", org).execute();
        insertQuestions(h, versionId, design.questions(), org);
        return new Written(formId, versionId);
    }

    /**
     * Writes {@code design} as the form's newest version: in place while no evaluation uses that
     * version, else as the next version, so the evaluations made keep the questions they answered.
     * The caller has just updated the form's row, which holds off another admin's save until commit.
     */
    static UUID replaceNewest(Handle h, UUID formId, FormDesign design) {
        // FOR UPDATE waits for an evaluation being started on this version (its foreign key check
        // holds a KEY SHARE lock on the row) and keeps new ones off until this commits, so "no
        // evaluation uses it" stays true while the questions are replaced.
        var newest = h.createQuery("""
                        select v.id, v.version, exists (select 1 from voxconsole.evaluations e where e.version_id = v.id) as used
                        from voxconsole.scorecard_versions v where v.form_id = :form order by v.version desc limit 1 for update""")
                .bind("form", formId)
                .map((rs, ctx) -> new Newest(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3)))
                .one();
        if (newest.used()) {
            UUID next = UUID.randomUUID();
            h.createUpdate("insert into voxconsole.scorecard_versions (id, form_id, version, pass_mark) values (:id, :form, :version, :pass)")
                    .bind("id", next).bind("form", formId).bind("version", newest.version() + 1).bind("pass", design.passMark()).execute();
            insertQuestions(h, next, design.questions(), null);
            return next;
        }
        h.createUpdate("update voxconsole.scorecard_versions set pass_mark = :pass where id = :id")
                .bind("pass", design.passMark()).bind("id", newest.id()).execute();
        h.createUpdate("delete from voxconsole.scorecard_questions where version_id = :id").bind("id", newest.id()).execute();
        insertQuestions(h, newest.id(), design.questions(), null);
        return newest.id();
    }

    private static void insertQuestions(Handle h, UUID versionId, List<QuestionDesign> questions, UUID org) {
        String orgColumn = org == null ? "" : ", org_id";
        String orgValue = org == null ? "" : ", :org";
        var batch = h.prepareBatch("insert into voxconsole.scorecard_questions (version_id, section, position, prompt, help, answer_type, "
                + "choices, weight, allows_na, critical" + orgColumn + ") values (:version, :section, :position, :prompt, :help, :type, "
                + "cast(:choices as jsonb), :weight, :na, :critical" + orgValue + ")");
        int position = 1;
        for (QuestionDesign q : questions) {
            batch.bind("version", versionId).bind("section", q.section()).bind("position", position++).bind("prompt", q.prompt())
                    .bind("help", q.help()).bind("type", q.type().sql()).bind("choices", choicesJson(q.choices()))
                    .bind("weight", q.weight()).bind("na", q.allowsNa()).bind("critical", q.critical()).bind("org", org).add();
        }
        batch.execute();
    }

    static String choicesJson(List<Choice> choices) {
        if (choices.isEmpty()) {
            return null;
        }
        var array = ScorecardService.JSON.createArrayNode();
        choices.forEach(c -> array.addObject().put("label", c.label()).put("value", c.value()));
        return array.toString();
    }
}
