package com.voxanne.ops.offline;

import com.voxanne.ops.calls.CallDetailViewModel;
import com.voxanne.ops.calls.CallsView;
import java.io.File;
import java.time.ZoneId;
import java.util.concurrent.Executor;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * A bundle under offline review, in the call log: a reviewer's note on every call, saved beside
 * the bundle, and the toolbar's export button exports the notes as CSV.
 */
public final class ReviewSession {

    private ReviewSession() {
    }

    /** Puts the notes under the call log's details and starts them; the caller closes them at sign-out. */
    public static ReviewNotesViewModel attach(ReviewedBundle bundle, CallDetailViewModel detail, CallsView callsView,
                                              Executor background, Executor fx, ZoneId zone, Window owner) {
        var notes = new ReviewNotesViewModel(bundle.file(), background, fx, zone);
        callsView.addDetailSection(new ReviewNoteView(notes));
        detail.detailsProperty().addListener((obs, old, now) -> notes.show(now == null ? null : now.call().id()));
        callsView.setOnExport("Export the reviewer notes as CSV…", Material2MZ.RATE_REVIEW, () -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export reviewer notes");
            chooser.setInitialFileName(notes.suggestedCsvName());
            File folder = notes.bundleFolder().toFile();
            if (folder.isDirectory()) {
                chooser.setInitialDirectory(folder);
            }
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File out = chooser.showSaveDialog(owner);
            if (out != null) {
                notes.exportCsv(out.toPath());
            }
        });
        notes.start();
        return notes;
    }
}
