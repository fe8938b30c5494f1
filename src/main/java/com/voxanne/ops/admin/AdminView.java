package com.voxanne.ops.admin;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.audit.AuditLogView;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.profiles.PeopleView;
import com.voxanne.ops.ui.Columns;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The admin workspace: people, the organization's tools and feature switches, its record and credentials, and the audit trail. */
public final class AdminView extends TabPane {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    public AdminView(PeopleView people, OrgSettingsViewModel settings, AuditLogView audit, ZoneId zone,
                     com.voxanne.ops.catalog.PlatformColumns columns) {
        setId("adminWorkspace");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        Tab peopleTab = new Tab("People", people);
        peopleTab.setId("adminPeople");
        Tab toolsTab = new Tab("Tools & features", toolsAndFeatures(settings));
        toolsTab.setId("adminTools");
        Tab orgTab = new Tab("Organization", organization(settings, zone, columns));
        orgTab.setId("adminOrganization");
        Tab auditTab = new Tab("Audit log", audit);
        auditTab.setId("adminAudit");
        getTabs().addAll(peopleTab, toolsTab, orgTab, auditTab);
    }

    private static Node toolsAndFeatures(OrgSettingsViewModel model) {
        TableColumn<ToolSetting, ToolSetting> toolSwitch = new TableColumn<>("On");
        toolSwitch.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        toolSwitch.setCellFactory(col -> new SwitchCell<>(ToolSetting::enabled, model::setToolEnabled, "toolSwitch"));
        toolSwitch.setPrefWidth(70);
        toolSwitch.setMaxWidth(70);
        toolSwitch.setSortable(false);
        TableView<ToolSetting> tools = Columns.table("orgTools", "No tools.",
                Columns.text("Tool the voice agents may use", t -> com.voxanne.ops.ui.PlainWords.words(t.toolName()), 260),
                Columns.text("Settings", t -> com.voxanne.ops.ui.PlainWords.settings(t.config())));
        tools.getColumns().add(0, toolSwitch);
        tools.setItems(model.tools());
        tools.setPrefHeight(200);

        TableColumn<OrgSettingsService.FeatureSwitch, OrgSettingsService.FeatureSwitch> featureSwitch = new TableColumn<>("Here");
        featureSwitch.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        featureSwitch.setCellFactory(col -> new SwitchCell<>(OrgSettingsService.FeatureSwitch::effective, model::setFeature, "featureSwitch",
                model.featuresWritable()));
        featureSwitch.setPrefWidth(70);
        featureSwitch.setMaxWidth(70);
        featureSwitch.setSortable(false);
        TableColumn<OrgSettingsService.FeatureSwitch, OrgSettingsService.FeatureSwitch> reset = new TableColumn<>("");
        reset.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        reset.setCellFactory(col -> new TableCell<>() {
            private final Button button = new Button("Use platform default");
            {
                button.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            }

            @Override
            protected void updateItem(OrgSettingsService.FeatureSwitch f, boolean empty) {
                super.updateItem(f, empty);
                if (empty || f == null || f.overrideId() == null) {
                    setGraphic(null);
                    return;
                }
                button.setOnAction(e -> model.usePlatformDefault(f));
                setGraphic(button);
            }
        });
        reset.setPrefWidth(170);
        reset.setMaxWidth(170);
        reset.setSortable(false);
        TableView<OrgSettingsService.FeatureSwitch> features = Columns.table("orgFeatures", "No platform features.",
                Columns.text("Feature", f -> com.voxanne.ops.ui.PlainWords.words(f.name()), 200),
                Columns.text("Platform", f -> (f.platformDefault() ? "On" : "Off")
                        + (f.rolloutPercentage() == null ? "" : ", " + f.rolloutPercentage() + " % rollout"), 140),
                Columns.text("Set here", f -> f.overrideId() == null ? "follows the platform" : f.enabled() ? "On" : "Off", 140),
                Columns.text("What it does", f -> f.description() == null ? "" : f.description()));
        features.getColumns().add(0, featureSwitch);
        features.getColumns().add(features.getColumns().size() - 1, reset);
        features.setItems(model.features());

        Label message = new Label();
        message.setId("settingsMessage");
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(10, title("Tools"), tools, title("Features"), features, message);
        box.setPadding(new Insets(16));
        VBox.setVgrow(features, javafx.scene.layout.Priority.ALWAYS);
        return box;
    }

    private static Node organization(OrgSettingsViewModel model, ZoneId zone, com.voxanne.ops.catalog.PlatformColumns columns) {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints());
        model.organizationProperty().addListener((obs, old, o) -> {
            grid.getChildren().clear();
            if (o == null) {
                return;
            }
            String[][] rows = {
                {"Name", o.name()}, {"E-mail", o.email()}, {"Phone", CallFormats.phone(o.phone())}, {"Website", o.website()},
                {"Plan", com.voxanne.ops.ui.PlainWords.words(o.plan())}, {"Telephony", com.voxanne.ops.ui.PlainWords.words(o.telephonyMode())},
                {"Wallet", o.walletBalancePence() == null ? "" : String.format(Locale.UK, "£%,.2f", o.walletBalancePence() / 100.0)},
                {"Twilio subaccounts", o.twilioSubaccounts() == null ? "none" : o.twilioSubaccounts()},
                {"Customer since", DAY.format(o.createdAt().atZone(zone))}};
            for (int i = 0; i < rows.length; i++) {
                Label value = new Label(rows[i][1] == null ? "" : rows[i][1]);
                value.getStyleClass().add(Styles.TEXT_BOLD);
                grid.addRow(i, new Label(rows[i][0]), value);
            }
        });
        TableView<OrgSettingsService.CredentialStatus> credentials = Columns.table("orgCredentials", "No credentials are configured.",
                Columns.text("Service", c -> com.voxanne.ops.ui.PlainWords.words(c.provider()), 130),
                Columns.text("Label", OrgSettingsService.CredentialStatus::label, 180),
                Columns.text("Configured", c -> "yes, ends " + (c.secretHint() == null ? "…" : c.secretHint()), 130),
                Columns.text("Last rotated", c -> c.lastRotated() == null ? "" : DAY.format(c.lastRotated().atZone(zone)), 120),
                Columns.text("Expires", c -> c.expiresAt() == null ? "never" : DAY.format(c.expiresAt().atZone(zone)), 110),
                Columns.text("Last used", c -> c.lastUsedAt() == null ? "never" : DAY.format(c.lastUsedAt().atZone(zone))));
        Columns.leaveOut(credentials, columns, "org_credentials", java.util.Map.of("Label", "label", "Configured", "secret_hint",
                "Last rotated", "updated_at", "Expires", "expires_at", "Last used", "last_used_at"));
        credentials.setItems(model.credentials());
        credentials.setPrefHeight(220);
        Label note = new Label("Secrets never reach the console: the database grants no console role the encrypted column.");
        note.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(12, title("Organization"), grid, title("Credentials"), credentials, note);
        box.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TITLE_4);
        return l;
    }

    /** An on/off switch in a table row; flipping it asks the view model to save, and the list reloads with the result. */
    private static final class SwitchCell<S> extends TableCell<S, S> {
        private final ToggleButton toggle = new ToggleButton();
        private final java.util.function.Predicate<S> isOn;
        private final java.util.function.BiConsumer<S, Boolean> change;

        SwitchCell(java.util.function.Predicate<S> isOn, java.util.function.BiConsumer<S, Boolean> change, String styleId) {
            this(isOn, change, styleId, true);
        }

        /** {@code writable} false: the switch shows the state and cannot be used (the platform's table lacks what a change writes). */
        SwitchCell(java.util.function.Predicate<S> isOn, java.util.function.BiConsumer<S, Boolean> change, String styleId, boolean writable) {
            this.isOn = isOn;
            this.change = change;
            toggle.getStyleClass().addAll(Styles.SMALL, styleId);
            toggle.setDisable(!writable);
        }

        @Override
        protected void updateItem(S row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            boolean on = isOn.test(row);
            toggle.setOnAction(null);
            toggle.setSelected(on);
            toggle.setText(on ? "On" : "Off");
            toggle.setOnAction(e -> change.accept(row, toggle.isSelected()));
            setGraphic(new HBox(toggle));
        }
    }
}
