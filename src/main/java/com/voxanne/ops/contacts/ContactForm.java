package com.voxanne.ops.contacts;

import com.voxanne.ops.records.Contact;
import com.voxanne.ops.db.SaveResult;
import com.voxanne.ops.mvvm.FieldChecks;
import com.voxanne.ops.mvvm.OptimisticForm;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The selected contact as a form: name, phone, e-mail, lead status and score, notes. Managers and admins save it. */
public final class ContactForm extends OptimisticForm<Contact> {

    public static final List<String> LEAD_STATUSES = List.of("hot", "warm", "cold", "contacted");

    // Properties: input
    private final StringProperty firstName = new SimpleStringProperty(this, "firstName", "");
    private final StringProperty lastName = new SimpleStringProperty(this, "lastName", "");
    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty email = new SimpleStringProperty(this, "email", "");
    private final ObjectProperty<String> leadStatus = new SimpleObjectProperty<>(this, "leadStatus");
    private final StringProperty leadScore = new SimpleStringProperty(this, "leadScore", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");

    private final ContactService service;

    public ContactForm(ContactService service, boolean mayEdit, Executor background, Executor fx) {
        super("contact", mayEdit, background, fx);
        this.service = service;
        watch(firstName, lastName, phone, email, leadStatus, leadScore, notes);
    }

    @Override
    protected void fill(Contact c) {
        firstName.set(c == null ? "" : c.firstName());
        lastName.set(c == null ? "" : c.lastName());
        phone.set(c == null ? "" : com.voxanne.ops.ui.CallFormats.phone(c.phone()));
        email.set(c == null || c.email() == null ? "" : c.email());
        leadStatus.set(c == null ? null : c.leadStatus());
        leadScore.set(c == null || c.leadScore() == null ? "" : c.leadScore().toString());
        notes.set(c == null || c.notes() == null ? "" : c.notes());
    }

    @Override
    protected boolean differs(Contact c) {
        return !Objects.equals(strip(firstName.get()), c.firstName()) || !Objects.equals(strip(lastName.get()), c.lastName())
                || !Objects.equals(FieldChecks.e164(phone.get()).orElse(phone.get()), c.phone())
                || !Objects.equals(FieldChecks.orNull(email.get()), c.email())
                || !Objects.equals(leadStatus.get(), c.leadStatus())
                || !Objects.equals(FieldChecks.orNull(leadScore.get()), c.leadScore() == null ? null : c.leadScore().toString())
                || !Objects.equals(FieldChecks.orNull(notes.get()), c.notes());
    }

    @Override
    protected Optional<String> problem() {
        return FieldChecks.first(
                FieldChecks.required("First name", firstName.get(), 100),
                FieldChecks.required("Last name", lastName.get(), 100),
                FieldChecks.phone("Phone", phone.get(), true),
                FieldChecks.email("E-mail", email.get(), false),
                leadStatus.get() == null || !LEAD_STATUSES.contains(leadStatus.get())
                        ? Optional.of("Choose a lead status: hot, warm, cold or contacted.") : Optional.empty(),
                FieldChecks.wholeNumber("Lead score", leadScore.get(), 0, 100, false),
                FieldChecks.maxLength("Notes", notes.get(), 4_000));
    }

    @Override
    protected java.util.function.Supplier<SaveResult<Contact>> writer(Contact base) {
        String score = FieldChecks.orNull(leadScore.get());
        var edit = new ContactService.ContactEdit(strip(firstName.get()), strip(lastName.get()),
                FieldChecks.e164(phone.get()).orElseThrow(), FieldChecks.orNull(email.get()), leadStatus.get(),
                score == null ? null : Integer.valueOf(score), FieldChecks.orNull(notes.get()));
        return () -> service.save(base, edit);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    public StringProperty firstNameProperty() {
        return firstName;
    }

    public StringProperty lastNameProperty() {
        return lastName;
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty emailProperty() {
        return email;
    }

    public ObjectProperty<String> leadStatusProperty() {
        return leadStatus;
    }

    public StringProperty leadScoreProperty() {
        return leadScore;
    }

    public StringProperty notesProperty() {
        return notes;
    }
}
