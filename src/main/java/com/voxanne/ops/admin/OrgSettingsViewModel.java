package com.voxanne.ops.admin;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organization's settings for its admins: tools and feature switches they turn on and off
 * (each change states the version it saw; a clash reloads the list and says so), its record and
 * which credentials are configured.
 */
public final class OrgSettingsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(OrgSettingsViewModel.class);

    private final ObservableList<ToolSetting> tools = FXCollections.observableArrayList();
    private final ObservableList<OrgSettingsService.FeatureSwitch> features = FXCollections.observableArrayList();
    private final ObservableList<OrgSettingsService.CredentialStatus> credentials = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<OrgSettingsService.OrganizationInfo> organization = new ReadOnlyObjectWrapper<>(this, "organization");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final OrgSettingsService service;
    private final BackgroundWork work;
    private final UUID orgId;

    public OrgSettingsViewModel(OrgSettingsService service, Executor background, Executor fx, UUID orgId) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.orgId = orgId;
        service.featuresReadOnlyBecause().ifPresent(message::set);
    }

    /** Whether this database's overrides can be written at all (the database still decides who may). */
    public boolean featuresWritable() {
        return service.featuresReadOnlyBecause().isEmpty();
    }

    public void refresh() {
        work.run(() -> new Loaded(service.tools(), service.features(), service.credentials(), service.organization(orgId).orElse(null)),
                (loaded, failure) -> {
                    if (failure != null) {
                        message.set(BackgroundWork.sentence(failure, LOG, "Reading the organization's settings"));
                        return;
                    }
                    tools.setAll(loaded.tools());
                    features.setAll(loaded.features());
                    credentials.setAll(loaded.credentials());
                    organization.set(loaded.organization());
                });
    }

    private record Loaded(List<ToolSetting> tools, List<OrgSettingsService.FeatureSwitch> features,
                          List<OrgSettingsService.CredentialStatus> credentials, OrgSettingsService.OrganizationInfo organization) {
    }

    public void setToolEnabled(ToolSetting tool, boolean enabled) {
        write(() -> service.setToolEnabled(tool, enabled), "tool", tool.toolName().replace('_', ' ') + (enabled ? " is on." : " is off."));
    }

    public void setFeature(OrgSettingsService.FeatureSwitch feature, boolean enabled) {
        write(() -> service.setFeature(feature, enabled, feature.notes()), "feature setting",
                feature.name() + (enabled ? " is on" : " is off") + " for this organization.");
    }

    public void usePlatformDefault(OrgSettingsService.FeatureSwitch feature) {
        write(() -> service.usePlatformDefault(feature), "feature setting",
                feature.name() + " follows the platform again (" + (feature.platformDefault() ? "on" : "off") + ").");
    }

    private <T> void write(Supplier<SaveResult<T>> change, String thing, String done) {
        message.set("");
        work.run(change, (result, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Changing a " + thing));
            } else {
                message.set(result instanceof SaveResult.Saved ? done : result.sentence(thing).replace("reload to see their version, then make your change again",
                        "the list now shows their version"));
            }
            refresh();
        });
    }

    public void onChanges(List<Change> changes) {
        if (Change.touches(changes, "org_tools") || Change.touches(changes, "org_feature_flags")) {
            refresh();
        }
    }

    public ObservableList<ToolSetting> tools() {
        return tools;
    }

    public ObservableList<OrgSettingsService.FeatureSwitch> features() {
        return features;
    }

    public ObservableList<OrgSettingsService.CredentialStatus> credentials() {
        return credentials;
    }

    public ReadOnlyObjectProperty<OrgSettingsService.OrganizationInfo> organizationProperty() {
        return organization.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
