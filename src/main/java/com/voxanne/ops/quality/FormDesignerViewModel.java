package com.voxanne.ops.quality;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admins' form designer: the organization's forms, and one of them open as an editable draft
 * (name, kind, pass mark, questions in order). Saving writes the draft as the form's newest
 * version, in place while no evaluation uses it, else as the next version; the database refuses
 * anyone but an admin. Nothing typed is lost: a refused or conflicting save keeps the draft, and
 * after a conflict the admin chooses to reload theirs or to keep the draft and save over it.
 */
public final class FormDesignerViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(FormDesignerViewModel.class);

    private final ScorecardService scorecards;
    private final BackgroundWork work;
    private final LatestAnswer opening;
    private final Runnable onSaved;

    private final ObservableList<FormSummary> forms = FXCollections.observableArrayList();
    private final ObservableList<FormSummary> formsView = FXCollections.unmodifiableObservableList(forms);
    private final ReadOnlyObjectWrapper<FormSummary> form = new ReadOnlyObjectWrapper<>(this, "form");
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(this, "kind", "any");
    private final ObjectProperty<Double> passMark = new SimpleObjectProperty<>(this, "passMark", StarterForms.DEFAULT_PASS_MARK);
    private final ObservableList<QuestionDraft> questions = FXCollections.observableArrayList();
    private final ObjectProperty<QuestionDraft> question = new SimpleObjectProperty<>(this, "question");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<FormSummary> theirs = new ReadOnlyObjectWrapper<>(this, "theirs");
    /** What saving the open form does: derived from the form it was opened from, or none for a new one. */
    private final StringBinding status = Bindings.createStringBinding(() -> !open.get() ? ""
            : form.get() == null ? "A new form: saving makes its version 1." : form.get().whatSavingDoes(), open, form);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

    /** The design as it was read or last saved; null for a form not saved yet. */
    private FormDesign loaded;

    /** @param onSaved hears every save, so the Quality workspace can read its figures again */
    public FormDesignerViewModel(ScorecardService scorecards, Executor background, Executor fx, Runnable onSaved) {
        this.scorecards = scorecards;
        this.work = new BackgroundWork(background, fx);
        this.opening = new LatestAnswer(work);
        this.onSaved = onSaved;
    }

    // Commands

    /** Reads the forms and opens the first in use (or keeps the one open). */
    public void load() {
        busy.set(true);
        work.run(scorecards::forms, (found, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading the forms"));
                return;
            }
            forms.setAll(found);
            if (open.get()) {
                return;
            }
            found.stream().filter(f -> !f.archived()).findFirst().or(() -> found.stream().findFirst()).ifPresentOrElse(this::open,
                    () -> startNew(blank()));
        });
    }

    /** Opens a form's newest version as the draft; whatever was typed into the draft before is dropped (the view asks first). */
    public void open(FormSummary f) {
        busy.set(true);
        opening.ask(() -> scorecards.version(f.versionId()).orElse(null), (scorecard, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Opening the form"));
                return;
            }
            if (scorecard == null) {
                message.set("That form no longer exists.");
                return;
            }
            show(f, FormDesign.of(scorecard));
            message.set("");
        });
    }

    /** A new form, not saved until Save: blank, or from a starter form. */
    public void startNew(FormDesign template) {
        opening.forget();
        show(null, template);
        loaded = null;
        message.set("");
    }

    public static FormDesign blank() {
        return new FormDesign("New form", "any", StarterForms.DEFAULT_PASS_MARK,
                List.of(new QuestionDesign("Call handling", "", null, AnswerType.YES_NO, List.of(), 1, false, false)));
    }

    public void addQuestion() {
        QuestionDraft after = question.get();
        QuestionDraft added = new QuestionDraft();
        added.sectionProperty().set(after != null ? after.sectionProperty().get()
                : questions.isEmpty() ? "Call handling" : questions.get(questions.size() - 1).sectionProperty().get());
        int at = after == null ? questions.size() : questions.indexOf(after) + 1;
        questions.add(at, added);
        question.set(added);
    }

    public void removeQuestion() {
        QuestionDraft gone = question.get();
        int at = questions.indexOf(gone);
        if (at < 0) {
            return;
        }
        questions.remove(at);
        question.set(questions.isEmpty() ? null : questions.get(Math.min(at, questions.size() - 1)));
    }

    /** Moves the selected question up (−1) or down (+1). */
    public void move(int by) {
        QuestionDraft moving = question.get();
        int at = questions.indexOf(moving);
        int to = at + by;
        if (at < 0 || to < 0 || to >= questions.size()) {
            return;
        }
        questions.remove(at);
        questions.add(to, moving);
        question.set(moving);
    }

    /** Whether the draft differs from the form as read: what closing or opening another would lose. */
    public boolean dirty() {
        return open.get() && !Objects.equals(design(), loaded);
    }

    public FormDesign design() {
        return new FormDesign(name.get(), kind.get(), passMark.get() == null ? -1 : passMark.get(),
                questions.stream().map(QuestionDraft::design).toList());
    }

    public void save() {
        FormDesign design = design();
        var wrong = design.problem();
        if (wrong.isPresent()) {
            message.set(wrong.get());
            return;
        }
        FormSummary seen = form.get();
        busy.set(true);
        work.run(() -> scorecards.save(seen, design), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Saving the form"));
                return;
            }
            if (result instanceof SaveResult.Saved<FormSummary> saved) {
                saved(seen, saved.now(), design);
            } else if (result instanceof SaveResult.Conflict<FormSummary> conflict) {
                theirs.set(conflict.now());
                message.set("Another admin saved this form after you opened it, and nothing was overwritten. "
                        + "Reload theirs, or keep yours and save it over theirs.");
            } else {
                message.set(result.sentence("form"));
            }
        });
    }

    private void saved(FormSummary seen, FormSummary now, FormDesign design) {
        theirs.set(null);
        loaded = design;
        form.set(now);
        if (now == null) {
            message.set("Saved.");
        } else if (seen != null && now.version() != seen.version()) {
            message.set("Saved as version " + now.version() + ". The " + seen.evaluations()
                    + (seen.evaluations() == 1 ? " evaluation made keeps" : " evaluations made keep") + " version " + seen.version() + ".");
        } else {
            message.set("Saved \"" + design.name() + "\" (version " + now.version() + ").");
        }
        replaceInList(now);
        onSaved.run();
    }

    /** After a conflict: drop the draft and open the form as the other admin saved it. */
    public void reloadTheirs() {
        FormSummary now = theirs.get();
        theirs.set(null);
        if (now != null) {
            open(now);
        }
    }

    /** After a conflict: keep the draft, and let the next Save go over the other admin's version. */
    public void keepMine() {
        FormSummary now = theirs.get();
        theirs.set(null);
        if (now != null) {
            form.set(now);
            message.set("Your draft is kept. Save to put it over theirs.");
        }
    }

    /** Archives the open form (no new evaluation is made against it) or brings it back. */
    public void toggleArchived() {
        FormSummary seen = form.get();
        if (seen == null) {
            return;
        }
        busy.set(true);
        work.run(() -> scorecards.archive(seen, !seen.archived()), (result, failure) -> {
            busy.set(false);
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Archiving the form"));
                return;
            }
            if (result instanceof SaveResult.Saved<FormSummary> saved && saved.now() != null) {
                form.set(saved.now());
                replaceInList(saved.now());
                message.set(saved.now().archived() ? "Archived: no new evaluation uses this form; those made keep it."
                        : "Back in use: new evaluations can use this form again.");
                onSaved.run();
            } else {
                if (result instanceof SaveResult.Conflict<FormSummary> conflict) {
                    theirs.set(conflict.now());
                }
                message.set(result.sentence("form"));
            }
        });
    }

    private void replaceInList(FormSummary now) {
        if (now == null) {
            return;
        }
        for (int i = 0; i < forms.size(); i++) {
            if (forms.get(i).formId().equals(now.formId())) {
                forms.set(i, now);
                return;
            }
        }
        forms.add(now);
    }

    private void show(FormSummary f, FormDesign design) {
        form.set(f);
        theirs.set(null);
        name.set(design.name());
        kind.set(design.kind());
        passMark.set(design.passMark());
        questions.setAll(design.questions().stream().map(QuestionDraft::of).toList());
        question.set(questions.isEmpty() ? null : questions.get(0));
        loaded = design;
        open.set(true);
    }

    // Properties

    public ObservableList<FormSummary> forms() {
        return formsView;
    }

    /** The form the draft was opened from; null while a new form is drafted. */
    public ReadOnlyObjectProperty<FormSummary> formProperty() {
        return form.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<String> kindProperty() {
        return kind;
    }

    public ObjectProperty<Double> passMarkProperty() {
        return passMark;
    }

    public ObservableList<QuestionDraft> questions() {
        return questions;
    }

    public ObjectProperty<QuestionDraft> questionProperty() {
        return question;
    }

    /** Set after a conflicting save: the form as the other admin saved it, until the admin chooses. */
    public ReadOnlyObjectProperty<FormSummary> theirsProperty() {
        return theirs.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What saving the open form does (in place, or as the next version). */
    public StringBinding statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
