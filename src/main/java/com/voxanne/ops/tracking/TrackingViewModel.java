package com.voxanne.ops.tracking;

import com.voxanne.ops.mvvm.LatestAnswer;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Call tracking over the last N days: sources, campaigns and devices, counted by the database. */
public final class TrackingViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(TrackingViewModel.class);

    private final IntegerProperty days = new SimpleIntegerProperty(this, "days", 30);
    private final ReadOnlyObjectWrapper<TrackingService.Summary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final TrackingService service;
    private final BackgroundWork work;
    private final UUID orgId;
    private final ZoneId zone;
    private final LocalDate today;
    private final LatestAnswer summaries;

    public TrackingViewModel(TrackingService service, Executor background, Executor fx, UUID orgId, ZoneId zone, LocalDate today) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.summaries = new com.voxanne.ops.mvvm.LatestAnswer(work);
        this.orgId = orgId;
        this.zone = zone;
        this.today = today;
        days.addListener((obs, old, now) -> refresh());
    }

    public void refresh() {
        var to = today.plusDays(1).atStartOfDay(zone).toInstant();
        var from = today.minusDays(days.get() - 1L).atStartOfDay(zone).toInstant();
        loading.set(true);
        summaries.ask(() -> service.summary(orgId, from, to), (result, failure) -> {
            loading.set(false);
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "Counting call tracking"));
                return;
            }
            error.set("");
            summary.set(result);
        });
    }

    /** 7, 30 or 90: how many days back from today. */
    public IntegerProperty daysProperty() {
        return days;
    }

    public ReadOnlyObjectProperty<TrackingService.Summary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
