package com.voxanne.ops.workspace;

import com.voxanne.ops.UserFacingException;
import com.voxanne.ops.demo.DemoOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the embedded demo workspace off the JavaFX thread and reports how it goes: a progress
 * value while demo calls are written, then the server address and the demo logins.
 */
public final class DemoWorkspaceViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWorkspaceViewModel.class);

    // Properties
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "Starting the demo workspace…");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyStringWrapper serverAddress = new ReadOnlyStringWrapper(this, "serverAddress", "");
    private final ObservableList<EmbeddedWorkspace.DemoLogin> logins = FXCollections.observableArrayList();

    private final Executor background;
    private final Executor fx;
    private final Path directory;
    private final DemoOptions demo;
    private volatile EmbeddedWorkspace workspace;

    public DemoWorkspaceViewModel(Executor background, Executor fx, Path directory, DemoOptions demo) {
        this.background = background;
        this.fx = fx;
        this.directory = directory;
        this.demo = demo;
    }

    // Commands

    public void start() {
        CompletableFuture.supplyAsync(() -> EmbeddedWorkspace.start(directory, 0, demo,
                        written -> fx.execute(() -> {
                            progress.set((double) written / Math.max(1, demo.calls()));
                            status.set(String.format("Writing demo calls: %,d of %,d…", written, demo.calls()));
                        })), background)
                .thenApply(ws -> {
                    workspace = ws;
                    return ws.demoLogins();
                })
                .whenCompleteAsync(this::finish, fx);
    }

    /** Stops the server; blocking, so call it from a background thread or on exit. */
    public void stop() {
        EmbeddedWorkspace ws = workspace;
        if (ws != null) {
            ws.close();
        }
    }

    private void finish(List<EmbeddedWorkspace.DemoLogin> result, Throwable failure) {
        progress.set(1);
        if (failure != null) {
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            LOG.error("The demo workspace did not start", cause);
            failed.set(true);
            status.set(cause instanceof UserFacingException ? cause.getMessage() : "The demo workspace did not start; the log has the details.");
            return;
        }
        logins.setAll(result);
        serverAddress.set(workspace.jdbcUrl());
        status.set("Demo workspace ready: sign in with one of these logins.");
        ready.set(true);
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty serverAddressProperty() {
        return serverAddress.getReadOnlyProperty();
    }

    public ObservableList<EmbeddedWorkspace.DemoLogin> logins() {
        return FXCollections.unmodifiableObservableList(logins);
    }
}
