package com.voxanne.ops.workspace;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The demo workspace as it starts: progress while data is written, then who can sign in. */
public final class DemoWorkspaceView extends VBox {

    public DemoWorkspaceView(DemoWorkspaceViewModel model) {
        getStyleClass().add("demo-workspace");
        setId("demoWorkspace");
        setSpacing(16);
        setPadding(new Insets(32));
        setAlignment(Pos.TOP_LEFT);
        setMaxWidth(900);

        Label title = new Label("Demo workspace", new FontIcon(Material2OutlinedAL.DNS));
        title.getStyleClass().add(Styles.TITLE_2);

        Label status = new Label();
        status.setId("workspaceStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        status.getStyleClass().add(Styles.TEXT_MUTED);
        model.failedProperty().addListener((obs, was, failed) -> status.pseudoClassStateChanged(Styles.STATE_DANGER, failed));

        ProgressBar progress = new ProgressBar();
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.readyProperty().not().and(model.failedProperty().not()));
        progress.managedProperty().bind(progress.visibleProperty());

        Label address = new Label();
        address.setId("serverAddress");
        address.textProperty().bind(Bindings.when(model.readyProperty())
                .then(Bindings.concat("Server: ", model.serverAddressProperty())).otherwise(""));
        address.getStyleClass().add("monospaced");

        TableView<EmbeddedWorkspace.DemoLogin> logins = new TableView<>(model.logins());
        logins.setId("demoLogins");
        logins.getColumns().add(column("Login", EmbeddedWorkspace.DemoLogin::loginRole));
        logins.getColumns().add(column("Organization", EmbeddedWorkspace.DemoLogin::organization));
        logins.getColumns().add(column("Role", EmbeddedWorkspace.DemoLogin::role));
        logins.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        logins.visibleProperty().bind(model.readyProperty());
        logins.getStyleClass().add(Styles.STRIPED);
        logins.setFixedCellSize(34);
        // Tall enough for every login and no more: an empty grid under six rows looks broken.
        logins.prefHeightProperty().bind(Bindings.size(model.logins()).multiply(34).add(46));
        logins.maxHeightProperty().bind(logins.prefHeightProperty());

        Label explanation = new Label("Each login sees only its own organization: the database enforces that with row-level security, "
                + "whatever the client asks. 'voxconsole db start' prints these logins with their passwords for psql and other tools.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add(Styles.TEXT_MUTED);
        explanation.visibleProperty().bind(model.readyProperty());

        getChildren().addAll(title, status, progress, address, logins, explanation);
    }

    private static TableColumn<EmbeddedWorkspace.DemoLogin, String> column(String name,
            java.util.function.Function<EmbeddedWorkspace.DemoLogin, String> value) {
        TableColumn<EmbeddedWorkspace.DemoLogin, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }
}
