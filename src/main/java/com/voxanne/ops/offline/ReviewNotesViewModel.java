package com.voxanne.ops.offline;

import com.voxanne.ops.mvvm.BackgroundWork;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reviewer's note on the selected call. Text typed and not yet saved is never dropped: moving
 * to another call saves it in the background, and if that save fails the draft stays in memory and
 * comes back, with the reason, when the reviewer returns to that call.
 */
public final class ReviewNotesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewNotesViewModel.class);
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMM HH:mm");

    private final Path bundle;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper(this, "saved", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyIntegerWrapper count = new ReadOnlyIntegerWrapper(this, "count", 0);
    private final BooleanBinding dirty = Bindings.createBooleanBinding(() -> !Objects.equals(text.get(), saved.get()), text, saved);
    /** Drafts whose background save failed, by call: shown again when their call is. */
    private final Map<UUID, String> unsaved = new HashMap<>();
    private final Map<UUID, String> reasons = new HashMap<>();
    private ReviewNotes notes;
    private UUID call;

    public ReviewNotesViewModel(Path bundle, Executor background, Executor fx, ZoneId zone) {
        this.bundle = bundle;
        this.work = new BackgroundWork(background, fx);
        this.zone = zone;
    }

    /** Reads the notes file beside the bundle, in the background. */
    public void start() {
        status.set("Reading the notes beside the bundle…");
        work.run(() -> ReviewNotes.load(bundle), (loaded, failure) -> {
            if (failure != null) {
                fail(BackgroundWork.sentence(failure, LOG, "Reading review notes"));
                return;
            }
            notes = loaded;
            ready.set(true);
            count.set(loaded.size());
            UUID current = call;
            call = null;
            show(current);
        });
    }

    /** Switches to another call (null: none); an unsaved note on the previous one is saved first. */
    public void show(UUID next) {
        if (Objects.equals(next, call) && next != null) {
            return;
        }
        UUID previous = call;
        String pending = previous != null && isDirty() && notes != null ? text.get() : null;
        call = next;
        if (notes == null || next == null) {
            saved.set("");
            text.set("");
        } else {
            var note = notes.note(next);
            saved.set(note.map(ReviewNotes.Note::text).orElse(""));
            String draft = unsaved.get(next);
            text.set(draft != null ? draft : saved.get());
            if (reasons.containsKey(next)) {
                fail(reasons.get(next));
            } else if (draft != null) {
                failed.set(false);
                status.set("Saving…");
            } else {
                failed.set(false);
                status.set(note.map(n -> "Saved " + SAVED_AT.format(n.updatedAt().atZone(zone)) + " beside the bundle.")
                        .orElse("Notes are saved beside the bundle, never inside it."));
            }
        }
        if (pending != null) {
            saveInBackground(previous, pending);
        }
    }

    /** Saves the note on the current call. */
    public void save() {
        if (call != null && notes != null) {
            saveInBackground(call, text.get());
        }
    }

    private void saveInBackground(UUID target, String value) {
        unsaved.put(target, value);
        busy.set(true);
        ReviewNotes store = notes;
        work.run(() -> store.save(target, value), (note, failure) -> {
            busy.set(false);
            boolean stillShown = target.equals(call);
            if (failure != null) {
                String reason = BackgroundWork.sentence(failure, LOG, "Saving a review note");
                reasons.put(target, reason);
                fail(stillShown ? reason : "The note on the previous call was not saved; it is kept and shown again on that call. " + reason);
                return;
            }
            reasons.remove(target);
            if (value.equals(unsaved.get(target))) {
                unsaved.remove(target);
            }
            count.set(store.size());
            if (stillShown) {
                saved.set(note.map(ReviewNotes.Note::text).orElse(""));
                if (value.strip().equals(text.get().strip())) {
                    // What was saved is what the form shows (trimmed): nothing is pending any more.
                    text.set(saved.get());
                }
                failed.set(false);
                status.set(note.map(n -> "Saved " + SAVED_AT.format(n.updatedAt().atZone(zone)) + " beside the bundle.")
                        .orElse("Note removed."));
            }
        });
    }

    /** When the window closes: a note typed and not saved yet is written now (blocking; no window is left to freeze). */
    public void saveBeforeExit() {
        if (call != null && notes != null && isDirty()) {
            try {
                notes.save(call, text.get());
            } catch (RuntimeException e) {
                LOG.warn("A review note could not be saved as the console closed: {}", e.getMessage());
            }
        }
    }

    /** Writes every note, with its call's time and caller, to a CSV file. */
    public void exportCsv(Path out) {
        if (notes == null) {
            return;
        }
        ReviewNotes store = notes;
        busy.set(true);
        status.set("Exporting the notes…");
        work.run(() -> store.exportCsv(out), (rows, failure) -> {
            busy.set(false);
            if (failure != null) {
                fail(BackgroundWork.sentence(failure, LOG, "Exporting review notes"));
            } else {
                failed.set(false);
                status.set(String.format("Exported %,d note%s to %s.", rows, rows == 1 ? "" : "s", out.getFileName()));
            }
        });
    }

    private void fail(String sentence) {
        failed.set(true);
        status.set(sentence);
    }

    private boolean isDirty() {
        return dirty.get();
    }

    public StringProperty textProperty() {
        return text;
    }

    public BooleanBinding dirtyProperty() {
        return dirty;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public String suggestedCsvName() {
        return bundle.getFileName().toString().replaceFirst("\\.voxbundle$", "") + "-notes.csv";
    }

    public Path bundleFolder() {
        return bundle.toAbsolutePath().getParent();
    }
}
