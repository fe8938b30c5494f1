package com.voxanne.ops.ui;

import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** The console window. */
public final class ConsoleApplication extends Application {

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BorderPane root = new BorderPane(new Label("Voxanne Ops Console"));
        stage.setTitle("Voxanne Ops Console");
        stage.setScene(new Scene(root, 1280, 800));
        stage.show();
    }
}
