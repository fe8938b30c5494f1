package com.voxanne.ops.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.base.UserFacingException;
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

    /** An admin adds the starter form of a kind of organization (clinic, law_firm, trades) as version 1 of a new form. */
    public Scorecard addStarterForm(String kind) {
        StarterForms.Form form = StarterForms.forKind(kind)
                .orElseThrow(() -> new UserFacingException("There is no starter form for " + kind + "."));
        UUID version = SqlErrors.inWords(() -> jdbi.inTransaction(h -> StarterForms.write(h, form, null)));
        return version(version).orElseThrow();
    }

    /** A new version of a form, copied from its newest, for an admin to change while the old one stays as its evaluations knew it. */
    public UUID newVersion(UUID formId) {
        return SqlErrors.inWords(() -> jdbi.withHandle(h -> h.createQuery("select voxconsole.new_scorecard_version(:form)")
                .bind("form", formId).mapTo(UUID.class).one()));
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
