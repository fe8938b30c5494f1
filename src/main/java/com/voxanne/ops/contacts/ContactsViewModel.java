package com.voxanne.ops.contacts;

import com.voxanne.ops.records.Contact;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.live.Change;
import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.KeysetPage;
import com.voxanne.ops.mvvm.LatestAnswer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contacts workspace: contacts by name, paged by keyset as the person scrolls, narrowed by a
 * name or number prefix and a lead status; the selected contact's calls, appointments and pipeline
 * entries; and the contact as a form managers and admins save (optimistically). Contacts changed
 * elsewhere are read again as they are announced.
 */
public final class ContactsViewModel {

    public static final int PAGE_SIZE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ContactsViewModel.class);

    // Properties: input
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObjectProperty<String> leadStatus = new SimpleObjectProperty<>(this, "leadStatus");
    private final ObjectProperty<Contact> selected = new SimpleObjectProperty<>(this, "selected");

    // Properties: output
    private final ReadOnlyObjectWrapper<ContactService.ContactDetail> detail = new ReadOnlyObjectWrapper<>(this, "detail");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final ContactService service;
    private final BackgroundWork work;
    private final UUID orgId;
    private final ContactForm form;
    private final Consumer<CallFilter> showCalls;
    private final KeysetPage<Contact> rows;
    private final LatestAnswer details;

    public ContactsViewModel(ContactService service, Executor background, Executor fx, UUID orgId, boolean mayEdit, Consumer<CallFilter> showCalls) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.orgId = orgId;
        this.showCalls = showCalls;
        this.rows = new KeysetPage<>(work, this::page, PAGE_SIZE, LOG, "Listing contacts", error::set);
        this.details = new LatestAnswer(work);
        this.form = new ContactForm(service, mayEdit, background, fx);
        selected.addListener((obs, old, now) -> {
            // The form already shows this very version after its own save: keep its "Saved." message.
            if (now == null || !now.equals(form.editingProperty().get())) {
                form.edit(now);
            }
            loadDetail(now);
        });
        form.setOnSaved(this::replace);
        search.addListener((obs, old, now) -> refresh());
        leadStatus.addListener((obs, old, now) -> refresh());
    }

    // Commands

    /** Reloads the list from the first page with the current search. */
    public void refresh() {
        rows.refresh();
    }

    public void loadMore() {
        rows.loadMore();
    }

    private java.util.function.Supplier<List<Contact>> page(Contact after, int limit) {
        String prefix = search.get() == null ? "" : search.get().strip();
        String status = leadStatus.get();
        return () -> service.page(orgId, prefix, status, after, limit);
    }

    /** Shows a contact (from a call, an alert): selected in the list if it is there, shown either way. */
    public void open(UUID contactId) {
        work.run(() -> service.find(contactId), (found, failure) -> {
            if (failure == null && found.isPresent()) {
                selected.set(rows.rows().stream().filter(r -> r.id().equals(contactId)).findFirst().orElse(found.get()));
            }
        });
    }

    /** All calls of the selected contact, in the calls workspace. */
    public void showCallsOfSelected() {
        Contact c = selected.get();
        if (c != null) {
            showCalls.accept(CallFilter.NONE.withContact(c.id(), c.fullName()));
        }
    }

    /**
     * Contacts changed in the database (on the JavaFX thread): rows in the list are read again; the
     * form is refreshed only when it holds no unsaved changes (a save would then report the conflict).
     */
    public void onChanges(List<Change> changes) {
        if (Change.bulkIn(changes, "contacts")) {
            refresh();
            return;
        }
        List<UUID> changed = Change.upserted(changes, "contacts");
        List<UUID> shown = changed.stream().filter(id -> rows.rows().stream().anyMatch(r -> r.id().equals(id))
                || (selected.get() != null && selected.get().id().equals(id))).toList();
        for (UUID id : shown) {
            work.run(() -> service.find(id), (found, failure) -> {
                if (failure == null) {
                    found.ifPresent(c -> {
                        boolean editingIt = selected.get() != null && selected.get().id().equals(id);
                        if (!editingIt || !form.dirty().get()) {
                            replace(c);
                        }
                    });
                }
            });
        }
        Contact s = selected.get();
        if (s != null && (Change.touches(changes, "appointments") || changed.contains(s.id()))) {
            loadDetail(s);
        }
    }

    private void replace(Contact now) {
        if (now == null) {
            return;
        }
        rows.replace(r -> r.id().equals(now.id()), r -> now);
        if (selected.get() != null && selected.get().id().equals(now.id())) {
            selected.set(now);
        }
    }

    private void loadDetail(Contact c) {
        if (c == null) {
            details.forget();
            detail.set(null);
            return;
        }
        details.ask(() -> service.details(orgId, c.id()), (found, failure) -> {
            if (failure != null) {
                error.set(BackgroundWork.sentence(failure, LOG, "Reading a contact"));
                return;
            }
            detail.set(found.orElse(null));
        });
    }

    // Accessors

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<String> leadStatusProperty() {
        return leadStatus;
    }

    public ObjectProperty<Contact> selectedProperty() {
        return selected;
    }

    public ObservableList<Contact> rows() {
        return rows.rows();
    }

    public ReadOnlyObjectProperty<ContactService.ContactDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ContactForm form() {
        return form;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return rows.loadingProperty();
    }

    public ReadOnlyBooleanProperty endReachedProperty() {
        return rows.endReachedProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
