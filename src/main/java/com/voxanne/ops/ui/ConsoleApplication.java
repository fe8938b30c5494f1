package com.voxanne.ops.ui;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.workspace.AppDirectories;
import com.voxanne.ops.workspace.DemoWorkspaceView;
import com.voxanne.ops.workspace.DemoWorkspaceViewModel;
import java.util.Objects;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/** The console window: for now the demo workspace starting up; the workspaces for calls, sentiment and appointments come next. */
public final class ConsoleApplication extends Application {

    public static final String TITLE = "Voxanne Ops Console";

    private UiExecutors executors;
    private DemoWorkspaceViewModel workspace;

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        executors = UiExecutors.forApplication();
        int calls = Integer.getInteger("voxconsole.demo.calls", DemoOptions.DEFAULT_CALLS);
        workspace = new DemoWorkspaceViewModel(executors.background(), executors.fx(),
                AppDirectories.forCurrentUser().workspace(), DemoOptions.defaults().withCalls(calls));

        BorderPane root = new BorderPane();
        root.setTop(header());
        root.setCenter(new DemoWorkspaceView(workspace));
        Scene scene = new Scene(root, 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/css/console.css")).toExternalForm());
        stage.setTitle(TITLE);
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        stage.show();
        workspace.start();
    }

    @Override
    public void stop() {
        // Runs after the last window closed, off any event handler: stopping the server here cannot freeze the UI.
        if (workspace != null) {
            workspace.stop();
        }
        if (executors != null) {
            executors.background().shutdownNow();
        }
    }

    private static HBox header() {
        Label name = new Label(TITLE, new FontIcon(Material2OutlinedAL.HEADSET_MIC));
        name.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        HBox header = new HBox(name);
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 24, 12, 24));
        return header;
    }
}
