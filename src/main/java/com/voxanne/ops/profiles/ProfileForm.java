package com.voxanne.ops.profiles;

import com.voxanne.ops.records.Profile;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.mvvm.FieldChecks;
import com.voxanne.ops.mvvm.OptimisticForm;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** A person of the organization as a form (admins): name, phone, role and status. */
public final class ProfileForm extends OptimisticForm<Profile> {

    public static final List<String> ROLES = List.of("admin", "manager", "user");
    public static final List<String> STATUSES = List.of("active", "inactive", "suspended");

    private final StringProperty fullName = new SimpleStringProperty(this, "fullName", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final ObjectProperty<String> role = new SimpleObjectProperty<>(this, "role");
    private final ObjectProperty<String> status = new SimpleObjectProperty<>(this, "status");
    private final ProfileService service;
    private final UUID self;

    /** @param self the signed-in person's profile: they may not demote or suspend themselves (and lock the organization out) */
    public ProfileForm(ProfileService service, boolean mayEdit, UUID self, Executor background, Executor fx) {
        super("profile", mayEdit, background, fx);
        this.service = service;
        this.self = self;
        watch(fullName, phone, role, status);
    }

    @Override
    protected void fill(Profile p) {
        fullName.set(p == null || p.fullName() == null ? "" : p.fullName());
        phone.set(p == null || p.phone() == null ? "" : com.voxanne.ops.ui.CallFormats.phone(p.phone()));
        role.set(p == null ? null : p.role());
        status.set(p == null ? null : p.status());
    }

    @Override
    protected boolean differs(Profile p) {
        return !Objects.equals(FieldChecks.orNull(fullName.get()), p.fullName())
                || !Objects.equals(FieldChecks.e164(phone.get()).orElse(FieldChecks.orNull(phone.get())), p.phone())
                || !Objects.equals(role.get(), p.role()) || !Objects.equals(status.get(), p.status());
    }

    @Override
    protected Optional<String> problem() {
        Profile p = editingProperty().get();
        boolean isSelf = p != null && p.id().equals(self);
        return FieldChecks.first(
                FieldChecks.maxLength("The name", fullName.get(), 200),
                FieldChecks.phone("Phone", phone.get(), false),
                role.get() == null || !ROLES.contains(role.get()) ? Optional.of("Choose a role: admin, manager or user.") : Optional.empty(),
                status.get() == null || !STATUSES.contains(status.get()) ? Optional.of("Choose a status: active, inactive or suspended.") : Optional.empty(),
                isSelf && !"admin".equals(role.get()) ? Optional.of("You cannot take away your own admin role; ask another admin.") : Optional.empty(),
                isSelf && !"active".equals(status.get()) ? Optional.of("You cannot deactivate yourself; ask another admin.") : Optional.empty());
    }

    @Override
    protected Supplier<SaveResult<Profile>> writer(Profile base) {
        var edit = new ProfileService.ProfileEdit(FieldChecks.orNull(fullName.get()), FieldChecks.e164(phone.get()).orElse(null),
                role.get(), status.get());
        return () -> service.save(base, edit);
    }

    public StringProperty fullNameProperty() {
        return fullName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public ObjectProperty<String> roleProperty() {
        return role;
    }

    public ObjectProperty<String> statusProperty() {
        return status;
    }
}
