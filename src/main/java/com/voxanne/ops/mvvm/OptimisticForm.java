package com.voxanne.ops.mvvm;

import com.voxanne.ops.db.SaveResult;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every edit form of the console shares: the row being edited as it was read, input checked
 * before anything is sent (one sentence for the first problem), a save that states the version it
 * saw, and after a conflict a reload that brings in the other person's version. A failed save never
 * touches what was typed. Subclasses hold the fields, fill them from a row, compare them with it,
 * check them, and write them.
 *
 * @param <T> the row
 */
public abstract class OptimisticForm<T> {

    private static final Logger LOG = LoggerFactory.getLogger(OptimisticForm.class);

    private final ReadOnlyObjectWrapper<T> editing = new ReadOnlyObjectWrapper<>(this, "editing");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final String thing;
    private final boolean mayEdit;
    private final BackgroundWork work;
    private BooleanBinding dirty;
    private StringBinding problem;
    private BooleanBinding canSave;
    private T conflicting;
    private java.util.function.Consumer<T> onSaved = row -> { };

    /**
     * @param thing   what is edited, for sentences ("contact")
     * @param mayEdit whether the person's role may change it at all (the database decides in the end)
     */
    protected OptimisticForm(String thing, boolean mayEdit, Executor background, Executor fx) {
        this.thing = thing;
        this.mayEdit = mayEdit;
        this.work = new BackgroundWork(background, fx);
    }

    /** Subclasses call this once, with their field properties, from their constructor. */
    protected final void watch(Observable... fields) {
        Observable[] all = new Observable[fields.length + 1];
        System.arraycopy(fields, 0, all, 0, fields.length);
        all[fields.length] = editing;
        dirty = Bindings.createBooleanBinding(() -> editing.get() != null && differs(editing.get()), all);
        problem = Bindings.createStringBinding(() -> editing.get() == null ? "" : problem().orElse(""), all);
        canSave = Bindings.createBooleanBinding(() -> mayEdit && editing.get() != null && dirty.get() && !saving.get()
                && problem.get().isEmpty(), dirty, saving, problem, editing);
    }

    // Commands

    /** Starts editing {@code row} (null: nothing); the fields show it as it is. */
    public void edit(T row) {
        conflicting = null;
        conflict.set(false);
        message.set("");
        editing.set(row);
        fill(row);
    }

    /**
     * Sends the fields, if there is something to send: a row, a change and no input problem. The
     * person's role is not checked here (the view disables the button): if a save is asked for
     * anyway, the database decides, and its refusal is told.
     */
    public void save() {
        T base = editing.get();
        if (base == null || !dirty.get() || saving.get() || !problem.get().isEmpty()) {
            return;
        }
        saving.set(true);
        message.set("");
        work.run(writer(base), (result, failure) -> {
            saving.set(false);
            if (failure != null) {
                // The typed values stay: the person can correct them or try again.
                message.set(BackgroundWork.sentence(failure, LOG, "Saving a " + thing));
                return;
            }
            if (result instanceof SaveResult.Saved<T> saved) {
                T now = saved.now();
                edit(now);
                message.set(result.sentence(thing));
                onSaved.accept(now);
            } else {
                if (result instanceof SaveResult.Conflict<T> c) {
                    conflicting = c.now();
                    conflict.set(true);
                }
                message.set(result.sentence(thing));
            }
        });
    }

    /** After a conflict: shows the other person's version (what was typed is given up on purpose). */
    public void reload() {
        if (conflicting != null) {
            T theirs = conflicting;
            edit(theirs);
            onSaved.accept(theirs);
        }
    }

    /** Puts the fields back as the row is. */
    public void revert() {
        edit(editing.get());
    }

    /** Told the row as it is after a save or a reload, to update the list it came from. */
    public void setOnSaved(java.util.function.Consumer<T> listener) {
        this.onSaved = listener;
    }

    // For subclasses

    /** Copies {@code row} into the fields; null clears them. */
    protected abstract void fill(T row);

    /** Whether the fields differ from {@code row}. */
    protected abstract boolean differs(T row);

    /** The first problem with the input, as one sentence; empty when it can be sent. */
    protected abstract Optional<String> problem();

    /**
     * The write of the fields over {@code base}, stating base's version. Called on the JavaFX
     * thread, so it reads the fields there; the returned work runs in the background.
     */
    protected abstract java.util.function.Supplier<SaveResult<T>> writer(T base);

    // Accessors

    public ReadOnlyObjectProperty<T> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public BooleanBinding dirty() {
        return dirty;
    }

    /** The first input problem ("" when none), for the view to show beside the form. */
    public StringBinding inputProblem() {
        return problem;
    }

    public BooleanBinding canSave() {
        return canSave;
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
