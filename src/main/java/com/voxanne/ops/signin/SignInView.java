package com.voxanne.ops.signin;

import atlantafx.base.theme.Styles;
import com.voxanne.ops.db.SecureConnection;
import com.voxanne.ops.demo.DemoLoginSpec;
import javafx.collections.FXCollections;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/** The sign-in window's content: the demo workspace in one click, or a server and a login. */
public final class SignInView extends StackPane {

    public SignInView(SignInViewModel model) {
        getStyleClass().add("sign-in");
        setPadding(new Insets(32));

        Label title = new Label("Sign in", new FontIcon(Material2OutlinedAL.HEADSET_MIC));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Calls, sentiment and appointments of your organization.");
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        // Demo workspace
        Label demoTitle = new Label("Try it on the demo workspace");
        demoTitle.getStyleClass().add(Styles.TITLE_4);
        ComboBox<DemoLoginSpec> demoLogin = new ComboBox<>(model.demoLogins());
        demoLogin.setId("demoLogin");
        demoLogin.valueProperty().bindBidirectional(model.demoLoginProperty());
        demoLogin.setConverter(new StringConverter<>() {
            @Override
            public String toString(DemoLoginSpec spec) {
                return spec == null ? "" : spec.label();
            }

            @Override
            public DemoLoginSpec fromString(String s) {
                return null;
            }
        });
        demoLogin.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(DemoLoginSpec item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? "" : item.label());
            }
        });
        demoLogin.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(demoLogin, Priority.ALWAYS);
        Button openDemo = new Button("Open demo workspace", new FontIcon(Material2OutlinedMZ.PLAY_CIRCLE_OUTLINE));
        openDemo.setId("openDemo");
        openDemo.getStyleClass().add(Styles.ACCENT);
        openDemo.disableProperty().bind(model.canOpenDemo().not());
        openDemo.setOnAction(e -> model.openDemo());
        HBox demoRow = new HBox(8, demoLogin, openDemo);
        demoRow.setAlignment(Pos.CENTER_LEFT);

        // A server
        Label serverTitle = new Label("Or sign in to your organization's server");
        serverTitle.getStyleClass().add(Styles.TITLE_4);
        TextField host = field("host", model.hostProperty(), "db.example.com");
        TextField port = field("port", model.portProperty(), "5432");
        port.setPrefColumnCount(6);
        TextField database = field("database", model.databaseProperty(), "voxanne");
        TextField login = field("login", model.loginProperty(), "your database login");
        PasswordField password = new PasswordField();
        password.setId("password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        ComboBox<SecureConnection> secure = new ComboBox<>(FXCollections.observableArrayList(SecureConnection.values()));
        secure.setId("secureConnection");
        secure.valueProperty().bindBidirectional(model.secureProperty());
        TextField caFile = field("caFile", model.caFileProperty(), "the server's CA certificate (.crt or .pem)");
        Button chooseCa = new Button("Choose…");
        chooseCa.setId("chooseCaFile");
        chooseCa.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The server's CA certificate");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Certificates", "*.crt", "*.pem", "*.cer"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            java.io.File chosen = chooser.showOpenDialog(chooseCa.getScene().getWindow());
            if (chosen != null) {
                model.caFileProperty().set(chosen.getAbsolutePath());
            }
        });
        HBox caRow = new HBox(8, caFile, chooseCa);
        caRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(caFile, Priority.ALWAYS);
        // The CA file belongs to the choice that needs it, in the same cell: no empty row when it is hidden.
        var verifying = model.secureProperty().isEqualTo(SecureConnection.VERIFY_FULL);
        caRow.visibleProperty().bind(verifying);
        caRow.managedProperty().bind(verifying);
        VBox security = new VBox(8, secure, caRow);
        TextField url = field("jdbcUrl", model.jdbcUrlProperty(), "jdbc:postgresql://host:5432/voxanne?sslmode=verify-full&sslrootcert=ca.crt");
        TitledPane advanced = new TitledPane("Full JDBC URL (overrides the server, database and secure connection above)", url);
        advanced.setExpanded(!model.jdbcUrlProperty().get().isBlank());
        advanced.getStyleClass().add(Styles.DENSE);
        CheckBox remember = new CheckBox("Remember this server and login (never the password)");
        remember.selectedProperty().bindBidirectional(model.rememberServerProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        // The labels keep their words; the fields take what is left.
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        HBox hostPort = new HBox(8, host, new Label("Port"), port);
        hostPort.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        form.addRow(0, new Label("Server"), hostPort);
        form.addRow(1, new Label("Database"), database);
        Label securityLabel = new Label("Secure connection");
        GridPane.setValignment(securityLabel, javafx.geometry.VPos.TOP);
        securityLabel.setPadding(new Insets(6, 0, 0, 0));
        form.addRow(2, securityLabel, security);
        form.addRow(3, new Label("Login"), login);
        form.addRow(4, new Label("Password"), password);
        form.add(advanced, 1, 5);
        form.add(remember, 1, 6);

        Button signIn = new Button("Sign in", new FontIcon(Material2AL.LOGIN));
        signIn.setId("signIn");
        signIn.setDefaultButton(true);
        signIn.disableProperty().bind(model.canSignIn().not());
        signIn.setOnAction(e -> model.signIn());

        Label error = new Label();
        error.setId("signInError");
        error.setWrapText(true);
        error.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT_PROBLEM));
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        // The server is out of reach, but this computer kept the login's setup from an earlier session.
        Button keptSetup = new Button();
        keptSetup.setId("openKeptSetup");
        keptSetup.getStyleClass().add(Styles.FLAT);
        keptSetup.setGraphic(new FontIcon(Material2OutlinedMZ.SETTINGS));
        keptSetup.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> model.keptSetupProperty().get() == null ? ""
                : "Show the setup of " + model.keptSetupProperty().get().session().orgName() + " saved on this computer (offline, read-only)",
                model.keptSetupProperty()));
        keptSetup.visibleProperty().bind(model.keptSetupProperty().isNotNull());
        keptSetup.managedProperty().bind(keptSetup.visibleProperty());
        keptSetup.setOnAction(e -> model.openKeptSetup());

        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(model.progressProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressTextProperty());
        progressText.getStyleClass().add(Styles.TEXT_MUTED);
        Button cancel = new Button("Cancel");
        cancel.setId("cancelSignIn");
        cancel.visibleProperty().bind(model.cancellableProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());
        HBox progressRow = new HBox(8, progress, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(progress, Priority.ALWAYS);
        VBox working = new VBox(6, progressRow, progressText);
        working.visibleProperty().bind(model.busyProperty());
        working.managedProperty().bind(working.visibleProperty());

        Button review = new Button("Review a bundle offline…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        review.setId("openBundle");
        review.getStyleClass().add(Styles.FLAT);
        review.disableProperty().bind(model.busyProperty());
        review.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Open a transcript bundle");
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Voxanne bundles", "*.voxbundle"));
            java.io.File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                model.openBundle(file.toPath());
            }
        });
        javafx.scene.layout.Region grow = new javafx.scene.layout.Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox actions = new HBox(8, review, grow, signIn);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(14, title, subtitle, new Separator(), demoTitle, demoRow, new Separator(), serverTitle, form, actions,
                error, keptSetup, working);
        card.getStyleClass().add("sign-in-card");
        card.setPadding(new Insets(28));
        card.setMaxWidth(640);
        card.setMaxHeight(USE_PREF_SIZE);
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }

    private static TextField field(String id, javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
