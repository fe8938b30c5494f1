package com.voxanne.ops.leads;

import com.voxanne.ops.mvvm.BackgroundWork;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The pipeline and (for managers and admins) the website sign-ups, read-only: the CRM and the website own them. */
public final class LeadsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LeadsViewModel.class);

    private final ObservableList<LeadService.PipelineEntry> pipeline = FXCollections.observableArrayList();
    private final ObservableList<LeadDao.OnboardingSubmission> signUps = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final LeadService service;
    private final BackgroundWork work;
    private final boolean seesSignUps;

    public LeadsViewModel(LeadService service, Executor background, Executor fx, boolean seesSignUps) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.seesSignUps = seesSignUps;
    }

    public void refresh() {
        work.run(service::pipeline, (rows, failure) -> {
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "Reading the pipeline"));
                return;
            }
            pipeline.setAll(rows);
        });
        if (seesSignUps) {
            work.run(() -> service.signUps(500), (rows, failure) -> {
                if (failure != null) {
                    error.set(BackgroundWork.sentence(failure, LOG, "Reading website sign-ups"));
                    return;
                }
                signUps.setAll(rows);
            });
        }
    }

    public ObservableList<LeadService.PipelineEntry> pipeline() {
        return pipeline;
    }

    public ObservableList<LeadDao.OnboardingSubmission> signUps() {
        return signUps;
    }

    public boolean seesSignUps() {
        return seesSignUps;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
