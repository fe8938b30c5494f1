package com.voxanne.ops.cache;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.calls.CallFormats;
import com.voxanne.ops.reference.ReferenceDao;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
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
        body.getChildren().setAll(
                section("Voice agents", com.voxanne.ops.ui.Columns.fixedTable(s.agents(),
                        com.voxanne.ops.ui.Columns.text("Name", ReferenceDao.Agent::name), com.voxanne.ops.ui.Columns.text("Status", ReferenceDao.Agent::status), com.voxanne.ops.ui.Columns.text("Calls", ReferenceDao.Agent::callRole),
                        com.voxanne.ops.ui.Columns.text("Voice", a -> a.voiceProvider() + " / " + a.voiceId()), com.voxanne.ops.ui.Columns.text("Model", a -> a.modelProvider() + " / " + a.modelName()),
                        com.voxanne.ops.ui.Columns.text("Number", a -> CallFormats.phone(a.phoneNumber())), com.voxanne.ops.ui.Columns.text("Hands over to", a -> CallFormats.phone(a.transferNumber())),
                        com.voxanne.ops.ui.Columns.text("After hours", ReferenceDao.Agent::afterHoursBehavior))),
                section("Services", com.voxanne.ops.ui.Columns.fixedTable(s.services(), com.voxanne.ops.ui.Columns.text("Service", v -> capitalized(v.name())),
                        com.voxanne.ops.ui.Columns.text("Length", v -> v.durationMinutes() + " min"),
                        com.voxanne.ops.ui.Columns.text("Price", v -> v.pricePence() == null ? "" : v.pricePence() == 0 ? "free" : String.format("£%.2f", v.pricePence() / 100.0)),
                        com.voxanne.ops.ui.Columns.text("Active", v -> v.active() ? "yes" : "no"))),
                section("Escalation rules", com.voxanne.ops.ui.Columns.fixedTable(s.escalationRules(), com.voxanne.ops.ui.Columns.text("Rule", ReferenceDao.EscalationRule::name),
                        com.voxanne.ops.ui.Columns.text("On", r -> r.enabled() ? "on" : "off"), com.voxanne.ops.ui.Columns.text("When", r -> r.triggerType().replace('_', ' ') + " " + r.threshold()),
                        com.voxanne.ops.ui.Columns.text("Then", r -> r.action() + (r.target() == null ? "" : " → " + r.target())))),
                section("Integrations", com.voxanne.ops.ui.Columns.fixedTable(s.integrations(), com.voxanne.ops.ui.Columns.text("Integration", ReferenceDao.Integration::displayName),
                        com.voxanne.ops.ui.Columns.text("Status", ReferenceDao.Integration::status), com.voxanne.ops.ui.Columns.text("Problem", i -> i.errorMessage() == null ? "" : i.errorMessage()))),
                section("Features", com.voxanne.ops.ui.Columns.fixedTable(s.orgFeatureFlags(), com.voxanne.ops.ui.Columns.text("Feature", ReferenceDao.OrgFeatureFlag::flagName),
                        com.voxanne.ops.ui.Columns.text("For this organization", f -> f.enabled() ? "on" : "off"), com.voxanne.ops.ui.Columns.text("Notes", f -> f.notes() == null ? "" : f.notes()))),
                section("Tools", com.voxanne.ops.ui.Columns.fixedTable(s.orgTools(), com.voxanne.ops.ui.Columns.text("Tool", t -> t.toolName().replace('_', ' ')), com.voxanne.ops.ui.Columns.text("On", t -> t.enabled() ? "on" : "off"))),
                section("Call forwarding by carrier", com.voxanne.ops.ui.Columns.fixedTable(s.carrierForwardingRules(), com.voxanne.ops.ui.Columns.text("Country", ReferenceDao.CarrierForwardingRule::countryCode),
                        com.voxanne.ops.ui.Columns.text("Carrier", ReferenceDao.CarrierForwardingRule::carrierName),
                        com.voxanne.ops.ui.Columns.text("Forwarding", r -> r.forwardingType().replace('_', ' ')),
                        com.voxanne.ops.ui.Columns.text("Dial to turn on", ReferenceDao.CarrierForwardingRule::activationCode),
                        com.voxanne.ops.ui.Columns.text("Dial to turn off", ReferenceDao.CarrierForwardingRule::deactivationCode),
                        com.voxanne.ops.ui.Columns.text("Forwards to", r -> CallFormats.phone(r.destinationNumber())))),
                section("Platform features", com.voxanne.ops.ui.Columns.fixedTable(s.featureFlags(), com.voxanne.ops.ui.Columns.text("Feature", ReferenceDao.FeatureFlag::name),
                        com.voxanne.ops.ui.Columns.text("Everywhere", f -> f.enabled() ? "on" : "off"),
                        com.voxanne.ops.ui.Columns.text("Rolled out to", f -> f.rolloutPercentage() == null ? "" : f.rolloutPercentage() + " %"),
                        com.voxanne.ops.ui.Columns.text("What it does", f -> f.description() == null ? "" : f.description()))),
                section("Knowledge base", new Label(String.join(" · ", s.knowledgeBaseTitles()))));
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
