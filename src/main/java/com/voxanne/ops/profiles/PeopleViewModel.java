package com.voxanne.ops.profiles;

import com.voxanne.ops.records.Profile;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The organization's people, and (admins) the selected one as a form. */
public final class PeopleViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleViewModel.class);

    private final ObservableList<Profile> people = FXCollections.observableArrayList();
    private final ObservableList<Profile> peopleView = FXCollections.unmodifiableObservableList(people);
    private final ObjectProperty<Profile> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ProfileService service;
    private final BackgroundWork work;
    private final ProfileForm form;

    public PeopleViewModel(ProfileService service, Executor background, Executor fx, boolean mayEdit, UUID self) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.form = new ProfileForm(service, mayEdit, self, background, fx);
        selected.addListener((obs, old, now) -> {
            if (now == null || !now.equals(form.editingProperty().get())) {
                form.edit(now);
            }
        });
        form.setOnSaved(now -> refresh());
    }

    public void refresh() {
        UUID keep = selected.get() == null ? null : selected.get().id();
        work.run(service::all, (all, failure) -> {
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "Reading people"));
                return;
            }
            error.set("");
            people.setAll(all);
            // The same person again, as they are now (the list's first person is chosen by the view when none was).
            if (keep != null && !form.dirty().get()) {
                selected.set(all.stream().filter(p -> p.id().equals(keep)).findFirst().orElse(null));
            }
        });
    }

    public void onChanges(List<Change> changes) {
        if (Change.touches(changes, "profiles")) {
            refresh();
        }
    }

    public ObservableList<Profile> people() {
        return peopleView;
    }

    public ObjectProperty<Profile> selectedProperty() {
        return selected;
    }

    public ProfileForm form() {
        return form;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
