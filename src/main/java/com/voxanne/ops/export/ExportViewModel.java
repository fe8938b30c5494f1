package com.voxanne.ops.export;

import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exporting the call log's current filter from the console: a count, an estimate, and Cancel. */
public final class ExportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ExportViewModel.class);

    private final BooleanProperty redact = new SimpleBooleanProperty(this, "redact", false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final ExportService service;
    private final UnaryOperator<CallLogQuery> resolver;
    private final BackgroundWork work;
    private final UUID orgId;
    private final ZoneId zone;
    private final ExportService.Origin origin;
    private volatile boolean cancelRequested;

    public ExportViewModel(ExportService service, Executor background, Executor fx, UUID orgId, ZoneId zone, ExportService.Origin origin) {
        this(service, UnaryOperator.identity(), background, fx, orgId, zone, origin);
    }

    /**
     * @param resolver turns a filter by signal into the calls that have it (CallLogService.resolve), which
     *     only the call log can do; it is asked in the background, with the export
     */
    public ExportViewModel(ExportService service, UnaryOperator<CallLogQuery> resolver,
                           Executor background, Executor fx, UUID orgId, ZoneId zone, ExportService.Origin origin) {
        this.resolver = resolver;
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.orgId = orgId;
        this.zone = zone;
        this.origin = origin;
    }

    public void export(CallFilter filter, Path out) {
        cancelRequested = false;
        running.set(true);
        progress.set(-1);
        status.set("Counting the calls to export…");
        var asked = filter.toQuery(orgId, zone, 500);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("chips", filter.chips().stream().map(CallFilter.Chip::label).toList());
        description.put("timeZone", zone.getId());
        long started = System.nanoTime();
        work.run(() -> {
            var query = resolver.apply(asked);
            long total = service.countCalls(query);
            return service.export(query, description, redact.get(), out, origin, written -> work.fx().execute(() -> {
                double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
                long left = Math.max(0, total - written);
                progress.set(total == 0 ? 1 : (double) written / total);
                status.set(String.format("%,d of %,d calls, about %d s left", written, total, Math.round(left / Math.max(1, written / seconds))));
            }), () -> cancelRequested);
        }, (result, failure) -> {
            running.set(false);
            if (failure instanceof CancellationException) {
                progress.set(0);
                status.set("Export cancelled; no file was written.");
            } else if (failure != null) {
                progress.set(0);
                status.set(BackgroundWork.sentence(failure, LOG, "An export"));
            } else {
                progress.set(1);
                status.set(String.format("Exported %,d calls to %s%s.", result.calls(), result.file().getFileName(), redact.get() ? " (redacted)" : ""));
            }
        });
    }

    public void cancel() {
        cancelRequested = true;
    }

    public BooleanProperty redactProperty() {
        return redact;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
