package com.voxanne.ops.cache;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.calls.CallFormats;
import com.voxanne.ops.reference.ReferenceDao;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
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
                section("Voice agents", table(s.agents(),
                        col("Name", ReferenceDao.Agent::name), col("Status", ReferenceDao.Agent::status), col("Calls", ReferenceDao.Agent::callRole),
                        col("Voice", a -> a.voiceProvider() + " / " + a.voiceId()), col("Model", a -> a.modelProvider() + " / " + a.modelName()),
                        col("Number", a -> CallFormats.phone(a.phoneNumber())), col("Hands over to", a -> CallFormats.phone(a.transferNumber())),
                        col("After hours", ReferenceDao.Agent::afterHoursBehavior))),
                section("Services", table(s.services(), col("Service", v -> capitalized(v.name())),
                        col("Length", v -> v.durationMinutes() + " min"),
                        col("Price", v -> v.pricePence() == null ? "" : v.pricePence() == 0 ? "free" : String.format("£%.2f", v.pricePence() / 100.0)),
                        col("Active", v -> v.active() ? "yes" : "no"))),
                section("Escalation rules", table(s.escalationRules(), col("Rule", ReferenceDao.EscalationRule::name),
                        col("On", r -> r.enabled() ? "on" : "off"), col("When", r -> r.triggerType().replace('_', ' ') + " " + r.threshold()),
                        col("Then", r -> r.action() + (r.target() == null ? "" : " → " + r.target())))),
                section("Integrations", table(s.integrations(), col("Integration", ReferenceDao.Integration::displayName),
                        col("Status", ReferenceDao.Integration::status), col("Problem", i -> i.errorMessage() == null ? "" : i.errorMessage()))),
                section("Features", table(s.orgFeatureFlags(), col("Feature", ReferenceDao.OrgFeatureFlag::flagName),
                        col("For this organization", f -> f.enabled() ? "on" : "off"), col("Notes", f -> f.notes() == null ? "" : f.notes()))),
                section("Tools", table(s.orgTools(), col("Tool", t -> t.toolName().replace('_', ' ')), col("On", t -> t.enabled() ? "on" : "off"))),
                section("Call forwarding by carrier", table(s.carrierForwardingRules(), col("Country", ReferenceDao.CarrierForwardingRule::countryCode),
                        col("Carrier", ReferenceDao.CarrierForwardingRule::carrierName),
                        col("Forwarding", r -> r.forwardingType().replace('_', ' ')),
                        col("Dial to turn on", ReferenceDao.CarrierForwardingRule::activationCode),
                        col("Dial to turn off", ReferenceDao.CarrierForwardingRule::deactivationCode),
                        col("Forwards to", r -> CallFormats.phone(r.destinationNumber())))),
                section("Platform features", table(s.featureFlags(), col("Feature", ReferenceDao.FeatureFlag::name),
                        col("Everywhere", f -> f.enabled() ? "on" : "off"),
                        col("Rolled out to", f -> f.rolloutPercentage() == null ? "" : f.rolloutPercentage() + " %"),
                        col("What it does", f -> f.description() == null ? "" : f.description()))),
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

    @SafeVarargs
    private static <T> TableView<T> table(List<T> rows, TableColumn<T, String>... columns) {
        TableView<T> t = new TableView<>(FXCollections.observableArrayList(rows));
        t.getColumns().addAll(columns);
        t.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(30);
        t.setPrefHeight(Math.max(1, rows.size()) * 30 + 40);
        t.setMaxHeight(t.getPrefHeight());
        t.setPlaceholder(new Label("None."));
        return t;
    }

    private static <T> TableColumn<T, String> col(String name, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
