package com.voxanne.ops.audit;

import com.voxanne.ops.mvvm.BackgroundWork;
import com.voxanne.ops.mvvm.KeysetPage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit trail browser: filters (table, action, who, days), keyset pages as the admin scrolls, and the security and telephony logs. */
public final class AuditLogViewModel {

    public static final int PAGE_SIZE = 200;
    /** What the audit trail records about, for the table filter. */
    public static final List<String> ENTITIES = List.of("appointments", "contacts", "hot_lead_alerts", "calls", "profiles", "org_tools",
            "org_feature_flags", "escalation_rules");
    public static final List<String> ACTIONS = List.of("insert", "update", "delete", "acknowledge", "export", "login");
    private static final Logger LOG = LoggerFactory.getLogger(AuditLogViewModel.class);

    // Properties: input
    private final ObjectProperty<String> entity = new SimpleObjectProperty<>(this, "entity");
    private final ObjectProperty<String> action = new SimpleObjectProperty<>(this, "action");
    private final ObjectProperty<String> actor = new SimpleObjectProperty<>(this, "actor");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");

    // Properties: output
    private final ObservableList<String> actors = FXCollections.observableArrayList();
    private final ObservableList<SecurityEvent> security = FXCollections.observableArrayList();
    private final ObservableList<TelephonyChange> telephony = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    private final AuditLogService service;
    private final BackgroundWork work;
    private final UUID orgId;
    private final ZoneId zone;
    private final KeysetPage<AuditEntry> entries;

    public AuditLogViewModel(AuditLogService service, Executor background, Executor fx, UUID orgId, ZoneId zone) {
        this.service = service;
        this.work = new BackgroundWork(background, fx);
        this.orgId = orgId;
        this.zone = zone;
        this.entries = new KeysetPage<>(work, this::page, PAGE_SIZE, LOG, "Reading the audit log", error::set);
        for (ObjectProperty<?> p : List.of(entity, action, actor, from, to)) {
            p.addListener((obs, old, now) -> refresh());
        }
    }

    public void refresh() {
        entries.refresh();
        work.run(() -> new Side(service.actors(orgId), service.securityEvents(200), service.telephonyChanges(200)), (side, failure) -> {
            if (failure == null) {
                String chosen = actor.get();
                actors.setAll(side.actors());
                if (chosen != null && !actors.contains(chosen)) {
                    actors.add(chosen);
                }
                security.setAll(side.security());
                telephony.setAll(side.telephony());
            }
        });
    }

    private record Side(List<String> actors, List<SecurityEvent> security, List<TelephonyChange> telephony) {
    }

    public void loadMore() {
        entries.loadMore();
    }

    private java.util.function.Supplier<List<AuditEntry>> page(AuditEntry after, int limit) {
        AuditLogService.Filter f = new AuditLogService.Filter(entity.get(), action.get(), actor.get(),
                from.get() == null ? null : from.get().atStartOfDay(zone).toInstant(),
                to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant());
        return () -> service.page(orgId, f, after, limit);
    }

    /** "status: scheduled → cancelled; notes: … → …", from an entry's old and new values. */
    public static String changes(String detailsJson) {
        try {
            var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(detailsJson);
            var oldValues = node.path("old");
            var newValues = node.path("new");
            StringBuilder sb = new StringBuilder();
            if (newValues.isObject() && oldValues.isObject()) {
                newValues.fieldNames().forEachRemaining(k -> sb.append(sb.length() == 0 ? "" : "; ").append(k.replace('_', ' ')).append(": ")
                        .append(shortly(oldValues.path(k))).append(" → ").append(shortly(newValues.path(k))));
            } else if (newValues.isObject() || oldValues.isObject()) {
                var row = newValues.isObject() ? newValues : oldValues;
                sb.append(newValues.isObject() ? "added " : "removed ");
                for (String k : List.of("name", "title", "tool_name", "first_name", "last_name", "email", "reason")) {
                    if (row.hasNonNull(k)) {
                        sb.append(row.path(k).asText()).append(' ');
                    }
                }
            } else {
                node.fieldNames().forEachRemaining(k -> {
                    if (!k.equals("profile_id") && !k.equals("sha256")) {
                        sb.append(sb.length() == 0 ? "" : "; ").append(k).append(": ").append(shortly(node.path(k)));
                    }
                });
            }
            return sb.toString().strip();
        } catch (Exception e) {
            return detailsJson;
        }
    }

    private static String shortly(com.fasterxml.jackson.databind.JsonNode v) {
        String s = v.isNull() || v.isMissingNode() ? "(empty)" : v.isTextual() ? v.asText() : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

    public ObjectProperty<String> entityProperty() {
        return entity;
    }

    public ObjectProperty<String> actionProperty() {
        return action;
    }

    public ObjectProperty<String> actorProperty() {
        return actor;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<AuditEntry> entries() {
        return entries.rows();
    }

    public ObservableList<String> actors() {
        return actors;
    }

    public ObservableList<SecurityEvent> securityEvents() {
        return security;
    }

    public ObservableList<TelephonyChange> telephonyChanges() {
        return telephony;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return entries.loadingProperty();
    }

    public ReadOnlyBooleanProperty endReachedProperty() {
        return entries.endReachedProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
