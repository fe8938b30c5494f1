package com.voxanne.ops.setup;

import com.voxanne.ops.mvvm.BackgroundWork;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization's setup (agents, services, flags, tools, rules, integrations, knowledge base):
 * shown from the local cache at once, then refreshed in the background, with how old it is.
 */
public final class SetupViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SetupViewModel.class);

    private final ReadOnlyObjectWrapper<ReferenceSnapshot> snapshot = new ReadOnlyObjectWrapper<>(this, "snapshot");
    private final ReadOnlyBooleanWrapper refreshing = new ReadOnlyBooleanWrapper(this, "refreshing", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper canRefresh = new ReadOnlyBooleanWrapper(this, "canRefresh", true);
    private final ReferenceService service;
    private final BackgroundWork work;

    public SetupViewModel(ReferenceService service, Executor background, Executor fx) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
    }

    /** The copy kept on this computer, shown when the server cannot be reached at sign-in: nothing to refresh from. */
    public static SetupViewModel offline(ReferenceSnapshot kept, String why) {
        SetupViewModel model = new SetupViewModel(null, Runnable::run, Runnable::run);
        model.canRefresh.set(false);
        model.snapshot.set(kept);
        model.status.set("Offline: showing the copy fetched " + age(kept.fetchedAt()) + " (last checked " + age(kept.checkedAt()) + "). " + why);
        return model;
    }

    /** Shows the cached copy (if any) and then refreshes it. */
    public void start() {
        work.run(service::cached, (cached, failure) -> {
            if (cached != null) {
                cached.ifPresent(snapshot::set);
            }
            refresh();
        });
    }

    public void refresh() {
        if (!canRefresh.get()) {
            return;
        }
        refreshing.set(true);
        work.run(service::refresh, (fresh, failure) -> {
            refreshing.set(false);
            if (failure != null) {
                String why = BackgroundWork.sentence(failure, LOG, "Refreshing the setup");
                status.set(snapshot.get() == null ? why : "Showing the copy from " + age(snapshot.get().checkedAt()) + "; " + why);
                return;
            }
            snapshot.set(fresh);
            status.set("Up to date (checked " + age(fresh.checkedAt()) + "; fetched " + age(fresh.fetchedAt()) + ").");
        });
    }

    static String age(Instant at) {
        long minutes = Duration.between(at, Instant.now()).toMinutes();
        return minutes < 1 ? "just now" : minutes < 60 ? minutes + " min ago" : minutes < 48 * 60 ? minutes / 60 + " h ago" : minutes / (24 * 60) + " days ago";
    }

    public ReadOnlyBooleanProperty canRefreshProperty() {
        return canRefresh.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ReferenceSnapshot> snapshotProperty() {
        return snapshot.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty refreshingProperty() {
        return refreshing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
