package com.voxanne.ops.audit;

import com.voxanne.ops.ui.LoadOnScroll;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.catalog.PlatformColumns;
import com.voxanne.ops.ui.Columns;
import com.voxanne.ops.ui.DateFields;
import com.voxanne.ops.ui.StatusWidgets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/** The audit trail (who changed what, when; filterable) and the security and telephony logs, for admins. */
public final class AuditLogView extends TabPane {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);

    public AuditLogView(AuditLogViewModel model, PlatformColumns columns) {
        setId("auditWorkspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(new Tab("Changes", trail(model)), new Tab("Security events", security(model, columns)),
                new Tab("Telephony changes", telephony(model, columns)));
    }

    private static Node trail(AuditLogViewModel model) {
        ComboBox<String> entity = choice("auditEntity", "Any table", AuditLogViewModel.ENTITIES);
        entity.valueProperty().bindBidirectional(model.entityProperty());
        ComboBox<String> action = choice("auditAction", "Any action", AuditLogViewModel.ACTIONS);
        action.valueProperty().bindBidirectional(model.actionProperty());
        ComboBox<String> actor = choice("auditActor", "Anyone", java.util.List.of());
        actor.setItems(model.actors());
        actor.valueProperty().bindBidirectional(model.actorProperty());
        DatePicker from = DateFields.picker("From", null);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = DateFields.picker("To", null);
        to.valueProperty().bindBidirectional(model.toProperty());
        javafx.scene.control.Button clear = new javafx.scene.control.Button("Clear filters");
        clear.getStyleClass().add(Styles.FLAT);
        clear.setOnAction(e -> {
            entity.setValue(null);
            action.setValue(null);
            actor.setValue(null);
            from.setValue(null);
            to.setValue(null);
        });
        HBox bar = new HBox(8, entity, action, actor, from, to, clear, StatusWidgets.busy(model.loadingProperty()));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");

        TableView<AuditEntry> table = Columns.table("auditLog", "Nothing recorded for these filters.",
                Columns.text("When", e -> WHEN.format(e.createdAt().atZone(model.zone())), 160),
                Columns.text("Who", e -> e.actorName() == null ? e.actorLogin() : e.actorName() + " (" + e.actorLogin() + ")", 210),
                Columns.text("Did", AuditEntry::action, 90),
                Columns.text("To", e -> e.entity().replace('_', ' '), 120),
                Columns.text("What changed", e -> AuditLogViewModel.changes(e.details())));
        table.setItems(model.entries());
        LoadOnScroll.install(table, model::loadMore);
        Label error = StatusWidgets.error(model.errorProperty());
        BorderPane pane = new BorderPane(table);
        pane.setTop(bar);
        pane.setBottom(error);
        return pane;
    }

    private static Node security(AuditLogViewModel model, PlatformColumns columns) {
        TableView<SecurityEvent> t = Columns.table("securityLog", "No security events.",
                Columns.text("When", e -> e.createdAt() == null ? "" : WHEN.format(e.createdAt().atZone(model.zone())), 160),
                Columns.text("Event", e -> e.eventType() == null ? "" : e.eventType().replace('_', ' '), 140),
                Columns.text("Login", e -> e.loginRole() == null ? "" : e.loginRole(), 170),
                Columns.text("From", e -> e.ipAddress() == null ? "" : e.ipAddress(), 120),
                Columns.text("Details", e -> e.details() == null ? "" : e.details()));
        Columns.leaveOut(t, columns, "security_audit_log", java.util.Map.of("When", "created_at", "Event", "event_type", "Login", "login_role",
                "From", "ip_address", "Details", "details"));
        t.setItems(model.securityEvents());
        return t;
    }

    private static Node telephony(AuditLogViewModel model, PlatformColumns columns) {
        TableView<TelephonyChange> t = Columns.table("telephonyLog", "No telephony changes.",
                Columns.text("When", e -> e.createdAt() == null ? "" : WHEN.format(e.createdAt().atZone(model.zone())), 160),
                Columns.text("Country", TelephonyChange::countryCode, 70),
                Columns.text("Mode", e -> (e.previousMode() == null ? "—" : e.previousMode()) + " → " + e.newMode(), 150),
                Columns.text("Number", e -> e.phoneNumber() == null ? "" : e.phoneNumber(), 140),
                Columns.text("By", TelephonyChange::changedByLogin, 150),
                Columns.text("Why", e -> e.reason() == null ? "" : e.reason()));
        Columns.leaveOut(t, columns, "telephony_country_audit_log", java.util.Map.of("When", "created_at", "Country", "country_code",
                "Mode", "new_mode", "Number", "phone_number", "By", "changed_by_login", "Why", "reason"));
        t.setItems(model.telephonyChanges());
        return t;
    }

    private static ComboBox<String> choice(String id, String any, java.util.List<String> values) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().add(null);
        box.getItems().addAll(values);
        box.setPromptText(any);
        box.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? any : item.replace('_', ' '));
            }
        });
        box.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? any : item.replace('_', ' '));
            }
        });
        return box;
    }
}
