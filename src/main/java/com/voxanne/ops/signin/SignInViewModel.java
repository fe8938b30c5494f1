package com.voxanne.ops.signin;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.JdbcUrls;
import com.voxanne.ops.db.SecureConnection;
import com.voxanne.ops.demo.DemoDataGenerator;
import com.voxanne.ops.demo.DemoLoginSpec;
import com.voxanne.ops.prefs.UserPreferences;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sign-in form: a server and a login, or one click into the demo workspace. A failure is one
 * sentence in {@link #errorProperty()} and everything typed stays as it was. The server (never the
 * password) is remembered when the person asks for it.
 */
public final class SignInViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SignInViewModel.class);
    /** Failures the person has read as a sentence: to the log file only (logback.xml). */
    private static final Logger TOLD = LoggerFactory.getLogger("voxconsole.told");

    // Properties: input
    private final StringProperty host = new SimpleStringProperty(this, "host", "localhost");
    private final StringProperty port = new SimpleStringProperty(this, "port", "5432");
    private final StringProperty database = new SimpleStringProperty(this, "database", "voxanne");
    private final StringProperty jdbcUrl = new SimpleStringProperty(this, "jdbcUrl", "");
    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final BooleanProperty rememberServer = new SimpleBooleanProperty(this, "rememberServer", true);
    private final ObjectProperty<SecureConnection> secure = new SimpleObjectProperty<>(this, "secure", SecureConnection.OFF);
    private final StringProperty caFile = new SimpleStringProperty(this, "caFile", "");
    private final ObservableList<DemoLoginSpec> demoLogins = FXCollections.observableArrayList(DemoDataGenerator.plannedLogins());
    private final ObjectProperty<DemoLoginSpec> demoLogin = new SimpleObjectProperty<>(this, "demoLogin", demoLogins.get(0));

    // Properties: output
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<SignedIn> signedIn = new ReadOnlyObjectWrapper<>(this, "signedIn");
    private final ReadOnlyBooleanWrapper cancellable = new ReadOnlyBooleanWrapper(this, "cancellable", false);
    private final ReadOnlyObjectWrapper<com.voxanne.ops.setup.ReferenceSnapshot> keptSetup = new ReadOnlyObjectWrapper<>(this, "keptSetup");
    private volatile boolean cancelRequested;

    private final SignInService service;
    private final UserPreferences preferences;
    private final Executor background;
    private final Executor fx;
    private final BooleanBinding canSignIn;

    public SignInViewModel(SignInService service, UserPreferences preferences, Executor background, Executor fx) {
        this.service = service;
        this.preferences = preferences;
        this.background = background;
        this.fx = fx;
        preferences.get("server.host").ifPresent(host::set);
        preferences.get("server.port").ifPresent(port::set);
        preferences.get("server.database").ifPresent(database::set);
        preferences.get("server.url").ifPresent(jdbcUrl::set);
        preferences.get("server.login").ifPresent(login::set);
        showSecurityOf(host.get());
        // The choice is remembered per server: typing another host brings back what was chosen for it.
        host.addListener((obs, old, now) -> showSecurityOf(now));
        canSignIn = Bindings.createBooleanBinding(
                () -> !busy.get() && !login.get().isBlank() && !password.get().isEmpty()
                        && (!jdbcUrl.get().isBlank() || (!host.get().isBlank() && !database.get().isBlank())),
                busy, login, password, jdbcUrl, host, database);
    }

    // Commands

    public BooleanBinding canSignIn() {
        return canSignIn;
    }

    public BooleanBinding canOpenDemo() {
        return busy.not().and(demoLogin.isNotNull());
    }

    public void signIn() {
        ConnectionSettings settings;
        try {
            settings = settings();
        } catch (UserFacingException e) {
            error.set(e.getMessage());
            return;
        }
        char[] secret = password.get().toCharArray();
        progressText.set("Signing in to " + settings.redactedUrl() + "…");
        run(() -> {
            try {
                return service.signIn(settings, secret);
            } catch (UserFacingException e) {
                // With the server out of reach, the setup this computer kept for the login is still worth showing.
                if (com.voxanne.ops.db.SqlErrors.unreachable(e)) {
                    var kept = service.lastKnownSetup(settings);
                    if (kept.isPresent()) {
                        throw new ServerOutOfReach(e, kept.get());
                    }
                }
                throw e;
            }
        }, () -> rememberIfAsked(settings));
    }

    /** Shows the setup kept on this computer, read-only, after the server could not be reached. */
    public void openKeptSetup() {
        var kept = keptSetup.get();
        if (kept != null && !busy.get()) {
            signedIn.set(SignedIn.offline(kept));
        }
    }

    /** The server was out of reach, and this computer has the login's setup from an earlier session. */
    private static final class ServerOutOfReach extends UserFacingException {
        private final transient com.voxanne.ops.setup.ReferenceSnapshot kept;

        ServerOutOfReach(UserFacingException why, com.voxanne.ops.setup.ReferenceSnapshot kept) {
            super(why.getMessage(), why);
            this.kept = kept;
        }
    }

    public void openDemo() {
        String role = demoLogin.get().loginRole();
        progressText.set("Starting the demo workspace…");
        int total = service.demoCalls();
        cancelRequested = false;
        cancellable.set(true);
        run(() -> service.signInToDemo(role, written -> {
            if (cancelRequested) {
                throw new java.util.concurrent.CancellationException();
            }
            fx.execute(() -> {
                progress.set((double) written / Math.max(1, total));
                progressText.set(String.format("Creating the demo workspace: %,d of %,d calls…", written, total));
            });
        }), () -> { });
    }

    /** Opens a transcript bundle for offline review: no server needed. */
    public void openBundle(java.nio.file.Path bundle) {
        progressText.set("Opening " + bundle.getFileName() + " for offline review…");
        cancelRequested = false;
        run(() -> service.signInToBundle(bundle, loaded -> fx.execute(() ->
                progressText.set(String.format("Loading %s: %,d calls…", bundle.getFileName(), loaded)))), () -> { });
    }

    /** Stops creating the demo workspace; what was written is rolled back and the next try starts afresh. */
    public void cancel() {
        cancelRequested = true;
    }

    /** The server as typed: a full JDBC URL wins over host, port and database. */
    ConnectionSettings settings() {
        String user = login.get().strip();
        if (!jdbcUrl.get().isBlank()) {
            try {
                return new ConnectionSettings(jdbcUrl.get().strip(), user);
            } catch (IllegalArgumentException e) {
                throw new UserFacingException(e.getMessage(), e);
            }
        }
        int portNumber;
        try {
            portNumber = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            throw new UserFacingException("The port must be a number between 1 and 65535.");
        }
        if (portNumber < 1 || portNumber > 65_535) {
            throw new UserFacingException("The port must be a number between 1 and 65535.");
        }
        return ConnectionSettings.of(host.get().strip(), portNumber, database.get().strip(), user, secure.get(), caFile.get());
    }

    private static java.util.Optional<SecureConnection> secureNamed(String name) {
        return java.util.Arrays.stream(SecureConnection.values()).filter(v -> v.name().equals(name)).findFirst();
    }

    private void showSecurityOf(String server) {
        String key = server == null ? "" : server.strip().toLowerCase(java.util.Locale.ROOT);
        secure.set(preferences.get("server.secure." + key).flatMap(SignInViewModel::secureNamed)
                .orElse(SecureConnection.defaultFor(key)));
        caFile.set(preferences.get("server.ca." + key).orElse(""));
    }

    private void run(Supplier<SignedIn> work, Runnable onSuccess) {
        busy.set(true);
        error.set("");
        keptSetup.set(null);
        progress.set(-1);
        CompletableFuture.supplyAsync(work, background).whenCompleteAsync((result, failure) -> {
            busy.set(false);
            cancellable.set(false);
            progressText.set("");
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                if (cancelRequested || hasCancellation(cause)) {
                    error.set("Creating the demo workspace was cancelled; it starts afresh next time.");
                    return;
                }
                if (!(cause instanceof UserFacingException)) {
                    LOG.error("Sign-in failed", cause);
                } else {
                    TOLD.warn("Sign-in failed: {}", cause.getMessage(), cause.getCause());
                }
                if (cause instanceof ServerOutOfReach out) {
                    keptSetup.set(out.kept);
                }
                error.set(cause instanceof UserFacingException ? cause.getMessage() : "Signing in failed unexpectedly; the log has the details.");
                return;
            }
            onSuccess.run();
            signedIn.set(result);
        }, fx);
    }

    private static boolean hasCancellation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof java.util.concurrent.CancellationException) {
                return true;
            }
        }
        return false;
    }

    private void rememberIfAsked(ConnectionSettings settings) {
        if (rememberServer.get()) {
            preferences.put("server.host", host.get());
            preferences.put("server.port", port.get());
            preferences.put("server.database", database.get());
            preferences.put("server.url", JdbcUrls.withoutSecrets(jdbcUrl.get()));
            preferences.put("server.login", login.get());
            String key = host.get().strip().toLowerCase(java.util.Locale.ROOT);
            preferences.put("server.secure." + key, secure.get().name());
            preferences.put("server.ca." + key, caFile.get().isBlank() ? null : caFile.get());
        } else {
            for (String key : List.of("server.host", "server.port", "server.database", "server.url", "server.login")) {
                preferences.put(key, null);
            }
        }
        // Disk work: off the JavaFX thread.
        background.execute(preferences::save);
    }

    public ObjectProperty<SecureConnection> secureProperty() {
        return secure;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty jdbcUrlProperty() {
        return jdbcUrl;
    }

    public StringProperty loginProperty() {
        return login;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty rememberServerProperty() {
        return rememberServer;
    }

    public ObservableList<DemoLoginSpec> demoLogins() {
        return demoLogins;
    }

    public ObjectProperty<DemoLoginSpec> demoLoginProperty() {
        return demoLogin;
    }

    /** The setup this computer kept for the login, offered when the server could not be reached; null otherwise. */
    public ReadOnlyObjectProperty<com.voxanne.ops.setup.ReferenceSnapshot> keptSetupProperty() {
        return keptSetup.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellableProperty() {
        return cancellable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SignedIn> signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }
}
