package com.voxanne.ops.setup;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.ui.PlainWords;
import com.voxanne.ops.catalog.PlatformColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/** The organization's setup, read-only: what the voice agents are and what they can do. */
public final class SetupView extends BorderPane {

    private final VBox body = new VBox(18);

    public SetupView(SetupViewModel model) {
        setId("setupWorkspace");
        Button refresh = new Button("Refresh", new FontIcon(Material2MZ.REFRESH));
        refresh.disableProperty().bind(model.refreshingProperty().or(model.canRefreshProperty().not()));
        refresh.setOnAction(e -> model.refresh());
        var busy = com.voxanne.ops.ui.StatusWidgets.busy(model.refreshingProperty());
        Label status = new Label();
        status.setId("setupStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(10, refresh, busy, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.getStyleClass().add("filter-bar");
        setTop(bar);
        body.setPadding(new Insets(16));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        setCenter(scroll);
        model.snapshotProperty().addListener((obs, old, s) -> render(s));
    }

    private void render(ReferenceSnapshot s) {
        PlatformColumns c = s.columns();
        body.getChildren().setAll(
                section("Voice agents", c, "agents", s.agents(),
                        field("Name", ReferenceDao.Agent::name, "name"), pill("Status", ReferenceDao.Agent::status, "status"),
                        field("Calls", a -> PlainWords.words(a.callRole()), "call_role"),
                        field("Voice", a -> joined(a.voiceProvider(), a.voiceId()), "voice_provider"),
                        field("Model", a -> joined(a.modelProvider(), a.modelName()), "model_provider"),
                        field("Number", a -> CallFormats.phone(a.phoneNumber()), "phone_number"),
                        field("Hands over to", a -> CallFormats.phone(a.transferNumber()), "transfer_number"),
                        field("After hours", a -> PlainWords.words(a.afterHoursBehavior()), "after_hours_behavior")),
                section("Services", c, "services", s.services(), field("Service", v -> capitalized(v.name()), "name"),
                        field("Length", v -> v.durationMinutes() == null ? "" : v.durationMinutes() + " min", "duration_minutes"),
                        field("Price", v -> v.pricePence() == null ? "" : v.pricePence() == 0 ? "free" : String.format("£%.2f", v.pricePence() / 100.0), "price_pence"),
                        field("Offered", v -> PlainWords.yesNo(v.active()), "active")),
                section("Escalation rules", c, "escalation_rules", s.escalationRules(), field("Rule", ReferenceDao.EscalationRule::name, "name"),
                        field("On", r -> PlainWords.onOff(r.enabled()), "enabled"),
                        field("When", r -> com.voxanne.ops.ui.RuleWords.when(r.triggerType(), r.threshold()), "trigger_type"),
                        field("Then", r -> com.voxanne.ops.ui.RuleWords.then(r.action(), r.target()), "action")),
                section("Integrations", c, "integrations", s.integrations(), field("Integration", ReferenceDao.Integration::displayName, "display_name"),
                        pill("Status", ReferenceDao.Integration::status, "status"),
                        field("Problem", i -> i.errorMessage() == null ? "" : i.errorMessage(), "error_message")),
                section("Features", c, "org_feature_flags", s.orgFeatureFlags(), field("Feature", f -> PlainWords.words(f.flagName()), "feature_flag_id"),
                        field("For this organization", f -> PlainWords.onOff(f.enabled()), "enabled"),
                        field("Notes", f -> f.notes() == null ? "" : f.notes(), "notes")),
                section("Tools", c, "org_tools", s.orgTools(), field("Tool", t -> PlainWords.words(t.toolName()), "tool_name"),
                        field("On", t -> PlainWords.onOff(t.enabled()), "enabled"),
                        field("Settings", t -> PlainWords.settings(t.config()), "config")),
                section("Call forwarding by carrier", c, "carrier_forwarding_rules", s.carrierForwardingRules(),
                        field("Country", ReferenceDao.CarrierForwardingRule::countryCode, "country_code"),
                        field("Carrier", ReferenceDao.CarrierForwardingRule::carrierName, "carrier_name"),
                        field("Forwarding", r -> PlainWords.words(r.forwardingType()), "forwarding_type"),
                        field("Dial to turn on", ReferenceDao.CarrierForwardingRule::activationCode, "activation_code"),
                        field("Dial to turn off", ReferenceDao.CarrierForwardingRule::deactivationCode, "deactivation_code"),
                        field("Forwards to", r -> CallFormats.phone(r.destinationNumber()), "destination_number")),
                section("Platform features", c, "feature_flags", s.featureFlags(), field("Feature", f -> PlainWords.words(f.name()), "name"),
                        field("Everywhere", f -> PlainWords.onOff(f.enabled()), "enabled"),
                        field("Rolled out to", f -> f.rolloutPercentage() == null ? "" : f.rolloutPercentage() + " %", "rollout_percentage"),
                        field("What it does", f -> f.description() == null ? "" : f.description(), "description")),
                section("Knowledge base", new Label(String.join(" · ", s.knowledgeBaseTitles()))));
    }

    /** A column of a setup table, shown only where the platform's table has the column it reads. */
    private record Field<T>(String header, Function<T, String> text, String column, boolean pill) {
    }

    private static <T> Field<T> field(String header, Function<T, String> text, String column) {
        return new Field<>(header, text, column, false);
    }

    /** A status shown as a coloured pill ("error" red, "active" green), its word readable. */
    private static <T> Field<T> pill(String header, Function<T, String> status, String column) {
        return new Field<>(header, status, column, true);
    }

    /**
     * A table of the fields this database has; one line instead when the platform has no such table.
     * Every snapshot carries its catalog: a cache of another format or version is not read at all.
     */
    @SafeVarargs
    private static <T> VBox section(String title, PlatformColumns columns, String table, List<T> rows, Field<T>... fields) {
        if (!columns.hasTable(table)) {
            Label none = new Label("This database has no " + table + " table the console may read.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            return section(title, none);
        }
        List<TableColumn<T, String>> shown = new ArrayList<>();
        for (Field<T> f : fields) {
            if (columns.has(table, f.column())) {
                Function<T, String> text = r -> {
                    String t = f.text().apply(r);
                    return t == null ? "" : t;
                };
                shown.add(f.pill() ? com.voxanne.ops.ui.Columns.pill(f.header(), text, "state-", 110) : com.voxanne.ops.ui.Columns.text(f.header(), text));
            }
        }
        @SuppressWarnings("unchecked")
        TableColumn<T, String>[] array = shown.toArray(new TableColumn[0]);
        return section(title, com.voxanne.ops.ui.Columns.fixedTable(rows, array));
    }

    /** "provider / model", or whichever of the two the platform has. */
    private static String joined(String first, String second) {
        return first == null ? (second == null ? "" : second) : second == null ? first : first + " / " + second;
    }

    private static String capitalized(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static VBox section(String title, javafx.scene.Node content) {
        Label head = new Label(title);
        head.getStyleClass().add(Styles.TITLE_4);
        return new VBox(8, head, content);
    }

}
