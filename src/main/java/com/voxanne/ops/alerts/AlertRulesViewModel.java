package com.voxanne.ops.alerts;

import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The alert rules: a list everyone reads, and for admins a form to change, add and delete them. */
public final class AlertRulesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(AlertRulesViewModel.class);

    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final ObservableList<AlertRule> rulesView = FXCollections.unmodifiableObservableList(rules);
    private final ObjectProperty<AlertRule> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final AlertRuleService service;
    private final BackgroundWork work;
    private final AlertRuleForm form;
    private final boolean mayEdit;
    private final BooleanBinding canDelete;

    public AlertRulesViewModel(AlertRuleService service, Executor background, Executor fx, boolean mayEdit) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        // The database decides who may write; the catalog says whether the columns to write exist at all.
        this.mayEdit = mayEdit && service.readOnlyBecause().isEmpty();
        if (mayEdit) {
            service.readOnlyBecause().ifPresent(message::set);
        }
        this.form = new AlertRuleForm(service, this.mayEdit, background, fx);
        this.canDelete = Bindings.createBooleanBinding(() -> this.mayEdit && selected.get() != null && selected.get().id() != null, selected);
        selected.addListener((obs, old, now) -> {
            if (now == null || !now.equals(form.editingProperty().get())) {
                form.edit(now);
            }
        });
        form.setOnSaved(now -> {
            message.set("");
            refresh(now);
        });
    }

    public void refresh() {
        refresh(selected.get());
    }

    private void refresh(AlertRule keep) {
        work.run(service::all, (all, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Reading alert rules"));
                return;
            }
            rules.setAll(all);
            if (keep != null && !form.dirty().get()) {
                selected.set(all.stream().filter(r -> r.id() != null && r.id().equals(keep.id())).findFirst().orElse(null));
            }
        });
    }

    /** Starts a new rule in the form (saved as a new row). */
    public void newRule() {
        if (mayEdit) {
            selected.set(AlertRule.draft());
        }
    }

    public void delete() {
        AlertRule rule = selected.get();
        if (!canDelete.get()) {
            return;
        }
        work.run(() -> service.delete(rule), (result, failure) -> {
            if (failure != null) {
                message.set(BackgroundWork.sentence(failure, LOG, "Deleting an alert rule"));
                return;
            }
            message.set(result instanceof SaveResult.Saved ? "Deleted " + rule.name() + "." : result.sentence("alert rule"));
            if (result instanceof SaveResult.Saved) {
                selected.set(null);
            }
            refresh();
        });
    }

    /** Rules changed by someone else reload, unless the form holds unsaved changes. */
    public void onChanges(List<Change> changes) {
        if (Change.touches(changes, "escalation_rules")) {
            refresh();
        }
    }

    public ObservableList<AlertRule> rules() {
        return rulesView;
    }

    public ObjectProperty<AlertRule> selectedProperty() {
        return selected;
    }

    public AlertRuleForm form() {
        return form;
    }

    public boolean mayEdit() {
        return mayEdit;
    }

    public BooleanBinding canDelete() {
        return canDelete;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
