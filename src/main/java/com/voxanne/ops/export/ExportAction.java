package com.voxanne.ops.export;

import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.records.ConsoleSession;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.stage.Window;

/** "Export the calls in view": the export dialog for the call log's current filter, signed with this installation's key. */
public final class ExportAction {

    private ExportAction() {
    }

    /** The action for the toolbar and the File menu; {@code installationKey} is read when an export runs, in the background. */
    public static Runnable forCallLog(ConsoleDatabase database, ConsoleSession s, Path installationKey, CallsViewModel calls,
                                      Executor background, Executor fx, ZoneId zone, Window owner, List<String> stylesheets) {
        return () -> {
            var service = new ExportService(database.jdbi(), installationKey);
            var model = new ExportViewModel(service, calls::resolve, background, fx, s.orgId(), zone,
                    new ExportService.Origin(s.loginRole(), s.fullName(), s.orgName(), s.orgId(), database.settings().redactedUrl()));
            ExportWindow.show(owner, model, calls.filterProperty().get(), stylesheets);
        };
    }
}
