package com.voxanne.ops.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.OptimisticWrite;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.db.SqlErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The forms of the signed-in organization, as reviewers answer them and admins start them. */
public class ScorecardService {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbi jdbi;

    public ScorecardService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The newest version of every form in use, with its questions: what a new evaluation can be made against. */
    public List<Scorecard> current() {
        return jdbi.withHandle(h -> h.attach(ScorecardDao.class).newestVersions().stream().map(v -> withQuestions(h, v)).toList());
    }

    public Optional<Scorecard> version(UUID versionId) {
        return jdbi.withHandle(h -> h.attach(ScorecardDao.class).version(versionId).map(v -> withQuestions(h, v)));
    }

    /** Every form of the organization, for the designer; archived ones last. */
    public List<FormSummary> forms() {
        return jdbi.withHandle(h -> h.attach(ScorecardDao.class).forms());
    }

    /**
     * Saves an admin's design. A new form ({@code seen} null) becomes version 1. An existing one is
     * saved optimistically against the form as the admin opened it: if another admin saved since,
     * nothing changes and the result is a conflict carrying theirs. The newest version changes in
     * place while no evaluation uses it, else the design becomes the next version.
     */
    public SaveResult<FormSummary> save(FormSummary seen, FormDesign design) {
        design.problem().ifPresent(p -> {
            throw new UserFacingException(p);
        });
        if (seen == null) {
            return SqlErrors.inWords(() -> jdbi.inTransaction(h -> {
                UUID form = ScorecardWrites.newForm(h, design, null).formId();
                return new SaveResult.Saved<>(h.attach(ScorecardDao.class).form(form).orElse(null));
            }));
        }
        return OptimisticWrite.run(jdbi, h -> {
            int changed = h.attach(ScorecardDao.class).touchForm(seen.formId(), OptimisticWrite.utc(seen.updatedAt()), design.name(),
                    design.kind());
            if (changed == 1) {
                ScorecardWrites.replaceNewest(h, seen.formId(), design);
            }
            return changed;
        }, h -> formNow(h, seen), FormSummary::updatedAt, seen.updatedAt());
    }

    /** Archives a form (no new evaluation is made against it; those made stay) or brings it back. Optimistic, as a save. */
    public SaveResult<FormSummary> archive(FormSummary seen, boolean archived) {
        return OptimisticWrite.run(jdbi, h -> h.attach(ScorecardDao.class).archive(seen.formId(), OptimisticWrite.utc(seen.updatedAt()), archived),
                h -> formNow(h, seen), FormSummary::updatedAt, seen.updatedAt());
    }

    private static Optional<FormSummary> formNow(Handle h, FormSummary seen) {
        return h.attach(ScorecardDao.class).form(seen.formId());
    }

    private static Scorecard withQuestions(Handle h, ScorecardDao.VersionRow v) {
        List<ScorecardQuestion> questions = h.attach(ScorecardDao.class).questions(v.versionId()).stream()
                .map(q -> new ScorecardQuestion(q.id(), q.section(), q.position(), q.prompt(), q.help(), AnswerType.of(q.answerType()),
                        choices(q.choices()), q.weight(), q.allowsNa(), q.critical()))
                .toList();
        return new Scorecard(v.versionId(), v.formId(), v.formName(), v.kind(), v.version(), v.passMark(), questions);
    }

    static List<Choice> choices(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            List<Choice> choices = new ArrayList<>();
            for (JsonNode c : JSON.readTree(json)) {
                choices.add(new Choice(c.path("label").asText(), c.path("value").asDouble()));
            }
            return choices;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The database holds choices that are not JSON", e);
        }
    }
}
