package com.voxanne.ops.quality;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The signed-in organization's forms, under its row-level security. */
@RegisterConstructorMapper(ScorecardDao.VersionRow.class)
@RegisterConstructorMapper(ScorecardDao.QuestionRow.class)
public interface ScorecardDao {

    /** A version without its questions; ScorecardService adds them. */
    record VersionRow(UUID versionId, UUID formId, String formName, String kind, int version, double passMark) {
    }

    record QuestionRow(UUID id, String section, int position, String prompt, String help, String answerType, String choices,
                       double weight, boolean allowsNa, boolean critical) {
    }

    String VERSION_COLUMNS = "v.id as version_id, f.id as form_id, f.name as form_name, f.kind, v.version, v.pass_mark";

    /** The newest version of every form that is not archived, the oldest form first. */
    @SqlQuery("select distinct on (f.created_at, f.id) " + VERSION_COLUMNS + """
             from voxconsole.scorecard_forms f
            join voxconsole.scorecard_versions v on v.form_id = f.id
            where f.archived_at is null
            order by f.created_at, f.id, v.version desc""")
    List<VersionRow> newestVersions();

    @SqlQuery("select " + VERSION_COLUMNS + """
             from voxconsole.scorecard_versions v
            join voxconsole.scorecard_forms f on f.id = v.form_id
            where v.id = :id""")
    Optional<VersionRow> version(@Bind("id") UUID versionId);

    @SqlQuery("""
            select id, section, position, prompt, help, answer_type, choices::text as choices, weight, allows_na, critical
            from voxconsole.scorecard_questions where version_id = :version order by position""")
    List<QuestionRow> questions(@Bind("version") UUID versionId);
}
