package com.voxanne.ops.quality;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The signed-in organization's forms, under its row-level security. */
@RegisterConstructorMapper(ScorecardDao.VersionRow.class)
@RegisterConstructorMapper(ScorecardDao.QuestionRow.class)
@RegisterConstructorMapper(FormSummary.class)
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

    /** A form with its newest version and how many evaluations use that version. */
    String FORMS = """
            select f.id as form_id, f.name, f.kind, f.archived_at, f.updated_at, v.id as version_id, v.version,
                   (select count(*) from voxconsole.evaluations e where e.version_id = v.id) as evaluations
            from voxconsole.scorecard_forms f
            cross join lateral (select n.id, n.version from voxconsole.scorecard_versions n
                                where n.form_id = f.id order by n.version desc limit 1) v""";

    /** Every form, archived ones last. */
    @SqlQuery(FORMS + " order by f.archived_at is not null, f.created_at, f.id")
    List<FormSummary> forms();

    @SqlQuery(FORMS + " where f.id = :id")
    Optional<FormSummary> form(@Bind("id") UUID formId);

    /** The designer's optimistic write: renames the form and moves its updated_at, which holds off another admin's save until commit. */
    @SqlUpdate("update voxconsole.scorecard_forms set name = :name, kind = :kind where id = :id and updated_at = :seen")
    int touchForm(@Bind("id") UUID formId, @Bind("seen") OffsetDateTime seen, @Bind("name") String name, @Bind("kind") String kind);

    @SqlUpdate("""
            update voxconsole.scorecard_forms set archived_at = case when :archived then now() end
            where id = :id and updated_at = :seen""")
    int archive(@Bind("id") UUID formId, @Bind("seen") OffsetDateTime seen, @Bind("archived") boolean archived);

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
