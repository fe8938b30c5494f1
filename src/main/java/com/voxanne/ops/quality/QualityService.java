package com.voxanne.ops.quality;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.files.Csv;
import com.voxanne.ops.files.PrivateFiles;
import com.voxanne.ops.signals.SignalKind;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** The Quality workspace's numbers for a period, and its export: one CSV row per evaluation, one column per question. */
public class QualityService {

    /** How many questions the "failed most" list shows. */
    public static final int FAILED_QUESTIONS = 10;

    private final Jdbi jdbi;

    public QualityService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Everything for the evaluations submitted in [from, to), days counted in {@code zone}. */
    public QualityReport report(Instant from, Instant to, ZoneId zone) {
        OffsetDateTime f = utc(from);
        OffsetDateTime t = utc(to);
        String[] kinds = Arrays.stream(SignalKind.values()).map(SignalKind::key).toArray(String[]::new);
        return jdbi.withHandle(h -> {
            QualityDao dao = h.attach(QualityDao.class);
            return new QualityReport(dao.summary(f, t), dao.days(f, t, zone.getId()), dao.failedQuestions(f, t, FAILED_QUESTIONS),
                    dao.signalEffects(f, t, kinds), dao.reviewers(f, t));
        });
    }

    /** The evaluations behind a question's failures, newest first: the drill-down. */
    public List<QualityDao.Behind> failing(Instant from, Instant to, QualityDao.FailedQuestion question, int limit) {
        return jdbi.withExtension(QualityDao.class, dao -> dao.failing(utc(from), utc(to), question.form(), question.prompt(), limit));
    }

    /**
     * Writes the period's evaluations to {@code file}: their call, reviewer, status and the
     * database's score, then one column per question (headed "form: question", in the form's
     * order), each holding the answer's words. Written beside the file and moved over it at the
     * end, so a failed export leaves no half file. Returns the number of rows.
     */
    public int exportCsv(Instant from, Instant to, ZoneId zone, Path file) {
        List<QualityDao.Behind> evaluations = jdbi.withExtension(QualityDao.class, dao -> dao.evaluations(utc(from), utc(to)));
        List<QualityDao.ExportAnswer> answers = jdbi.withExtension(QualityDao.class, dao -> dao.exportAnswers(utc(from), utc(to)));
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<UUID, Map<Integer, String>> cells = new HashMap<>();
        for (QualityDao.ExportAnswer a : answers) {
            int column = columns.computeIfAbsent(a.form() + ": " + a.prompt(), k -> columns.size());
            cells.computeIfAbsent(a.evaluationId(), k -> new HashMap<>()).put(column, words(a));
        }
        List<String> head = new ArrayList<>(List.of("evaluation_id", "call_id", "call_started", "caller", "reviewer", "status", "submitted_at",
                "score", "passed", "critical_failed"));
        head.addAll(columns.keySet());
        try {
            PrivateFiles.replace(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write(Csv.row(head.toArray(String[]::new)));
                for (QualityDao.Behind e : evaluations) {
                    List<String> row = new ArrayList<>(List.of(e.evaluationId().toString(), e.callId().toString(),
                            e.callAt() == null ? "" : e.callAt().atZone(zone).toOffsetDateTime().toString(), nullToEmpty(e.caller()),
                            nullToEmpty(e.reviewer()), e.status(), e.submittedAt().atZone(zone).toOffsetDateTime().toString(),
                            e.score() == null ? "" : String.valueOf(e.score()), String.valueOf(e.passed()), String.valueOf(e.criticalFailed())));
                    Map<Integer, String> mine = cells.getOrDefault(e.evaluationId(), Map.of());
                    for (int c = 0; c < columns.size(); c++) {
                        row.add(mine.getOrDefault(c, ""));
                    }
                    w.write(Csv.row(row.toArray(String[]::new)));
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new UserFacingException("The export could not be written to " + file + ": " + PrivateFiles.reason(e) + ". Nothing was left behind.", e);
        }
        return evaluations.size();
    }

    private static String words(QualityDao.ExportAnswer a) {
        ScorecardQuestion q = new ScorecardQuestion(null, "", a.position(), a.prompt(), null, AnswerType.of(a.answerType()),
                ScorecardService.choices(a.choices()), 1, true, false);
        return q.wordsFor(new Answer(null, a.value(), a.notApplicable()));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
