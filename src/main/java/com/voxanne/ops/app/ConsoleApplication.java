package com.voxanne.ops.app;

import com.voxanne.ops.calls.CallsView;
import com.voxanne.ops.calls.CallsViewModel;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.prefs.UserPreferences;
import com.voxanne.ops.shell.MainView;
import com.voxanne.ops.shell.Workspace;
import com.voxanne.ops.signin.SignInService;
import com.voxanne.ops.signin.SignInView;
import com.voxanne.ops.signin.SignInViewModel;
import com.voxanne.ops.signin.SignedIn;
import com.voxanne.ops.ui.Themes;
import com.voxanne.ops.mvvm.UiExecutors;
import com.voxanne.ops.files.AppDirectories;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/** The console window: sign-in first, then the signed-in workspaces; geometry and theme are remembered. */
public final class ConsoleApplication extends Application {

    public static final String TITLE = "Voxanne Ops Console";

    private UiExecutors executors;
    private UserPreferences preferences;
    private SignInService signInService;
    private Stage stage;
    private Scene scene;
    private SignedIn signedIn;
    private Themes theme;
    private boolean autoDemoUsed;
    private MainView mainView;
    private com.voxanne.ops.setup.ReferenceCache currentCache;
    private com.voxanne.ops.offline.ReviewNotesViewModel reviewNotes;
    private SignInViewModel signInModel;
    private SignedInConsole console;

    /** Off the JavaFX thread (init runs on the launcher thread): folder work before the window exists. */
    @Override
    public void init() {
        // Also done by the launcher (before logging starts); here for a console started without it.
        AppDirectories dirs = AppDirectories.forCurrentUser();
        AppDirectories.makePrivate(dirs, dirs.logs());
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        AppDirectories dirs = AppDirectories.forCurrentUser();
        preferences = UserPreferences.load(dirs.preferences());
        theme = Themes.parse(preferences.get("theme", "LIGHT"));
        theme.apply();
        executors = UiExecutors.forApplication();
        int calls = Integer.getInteger("voxconsole.demo.calls", DemoOptions.DEFAULT_CALLS);
        signInService = new SignInService(dirs.workspace(), dirs.cache(), DemoOptions.defaults().withCalls(calls));

        // First start: most of the screen (a supervisor's monitor is usually 1920 x 1080), at most 1680 x 1050.
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        // A laptop screen (1366 x 768) is smaller than that: the first start fills it (maximized where a window manager
        // does that; sized to the screen in any case, so it is filled without one too).
        boolean small = screen.getWidth() < 1680 || screen.getHeight() < 1050;
        double width = small ? screen.getWidth() : Math.max(1024, Math.min(1680, Math.floor(screen.getWidth() * 0.92)));
        double height = small ? screen.getHeight() : Math.max(640, Math.min(1050, Math.floor(screen.getHeight() * 0.92)));
        scene = new Scene(signInView(), preferences.getDouble("window.width", width), preferences.getDouble("window.height", height));
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource("/css/console.css")).toExternalForm());
        stage.setScene(scene);
        stage.setTitle(TITLE);
        stage.setMinWidth(1024);
        stage.setMinHeight(640);
        preferences.get("window.x").ifPresent(x -> stage.setX(preferences.getDouble("window.x", 0)));
        preferences.get("window.y").ifPresent(y -> stage.setY(preferences.getDouble("window.y", 0)));
        if (small && preferences.get("window.x").isEmpty()) {
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
        }
        stage.setMaximized(preferences.getBoolean("window.maximized", small));
        stage.getIcons().add(new javafx.scene.image.Image(Objects.requireNonNull(getClass().getResource("/voxconsole-icon.png")).toExternalForm()));
        stage.setOnShown(e -> StartupStatus.reached("window"));
        stage.show();
        acceptBundlesFromTheDesktop();
    }

    /**
     * macOS hands a double-clicked .voxbundle to the running program as an "open file" event rather
     * than as an argument (Windows and Linux pass the path, which the launcher reads). Untested here:
     * the build machine is Linux.
     */
    private void acceptBundlesFromTheDesktop() {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")) {
            return;
        }
        try {
            if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.APP_OPEN_FILE)) {
                java.awt.Desktop.getDesktop().setOpenFileHandler(event -> event.getFiles().stream().findFirst()
                        .ifPresent(file -> javafx.application.Platform.runLater(() -> openBundle(file.toPath()))));
            }
        } catch (RuntimeException | LinkageError e) {
            org.slf4j.LoggerFactory.getLogger(ConsoleApplication.class).info("Bundles opened from the Finder will not reach this console", e);
        }
    }

    /** Opens a bundle for offline review, signing out of whatever is open first. */
    private void openBundle(java.nio.file.Path file) {
        if (signedIn != null) {
            signOut();
        }
        signInModel.openBundle(file);
    }

    private Parent signInView() {
        SignInViewModel model = new SignInViewModel(signInService, preferences, executors.background(), executors.fx());
        signInModel = model;
        model.signedInProperty().addListener((obs, old, now) -> {
            if (now != null && now.connected()) {
                showWorkspace(now);
            } else if (now != null) {
                showKeptSetup(now);
            }
        });
        SignInView view = new SignInView(model);
        // `voxconsole open FILE` (and a double-click on an installed system) opens a bundle at once.
        String bundle = System.getProperty("voxconsole.open.bundle");
        if (bundle != null && signedIn == null && !autoDemoUsed) {
            autoDemoUsed = true;
            model.openBundle(java.nio.file.Path.of(bundle));
        }
        // For automation (the performance suite's start-up scenario): signs in to a server named in the
        // environment, the password taken from PGPASSWORD as on the command line; never remembered.
        String autoUrl = System.getenv("VOXCONSOLE_SIGNIN_URL");
        String autoLogin = System.getenv("VOXCONSOLE_SIGNIN_LOGIN");
        if (autoUrl != null && autoLogin != null && System.getenv("PGPASSWORD") != null && signedIn == null && !autoDemoUsed) {
            autoDemoUsed = true;
            model.jdbcUrlProperty().set(autoUrl);
            model.loginProperty().set(autoLogin);
            model.passwordProperty().set(System.getenv("PGPASSWORD"));
            model.rememberServerProperty().set(false);
            model.signIn();
        }
        // For demos, screenshots and the installer smoke test: -Dvoxconsole.demo.login=demo_harley_manager (or the
        // environment variable VOXCONSOLE_DEMO_LOGIN, which an installed launcher passes on) signs straight into the demo.
        String autoDemo = System.getProperty("voxconsole.demo.login", System.getenv("VOXCONSOLE_DEMO_LOGIN"));
        if (autoDemo != null && signedIn == null && !autoDemoUsed) {
            autoDemoUsed = true;
            model.demoLogins().stream().filter(l -> l.loginRole().equals(autoDemo)).findFirst().ifPresent(l -> {
                model.demoLoginProperty().set(l);
                model.openDemo();
            });
        }
        return view;
    }

    private void showWorkspace(SignedIn session) {
        this.signedIn = session;
        ZoneId zone = ZoneId.systemDefault();
        var cache = session.offlineReview() ? null : signInService.referenceCache(session);
        console = new SignedInConsole(session, executors, preferences);
        mainView = console.build(new SignedInConsole.Shell(this::toggleTheme, this::signOut, this::signOutAndForget,
                url -> getHostServices().showDocument(url)), cache);
        console.notifyAlertsWith(new AlertPopUps(mainView));
        CallsViewModel calls = console.calls();
        CallsView callsView = console.callsView();
        Runnable exportCalls = null;
        if (session.offlineReview()) {
            reviewNotes = com.voxanne.ops.offline.ReviewSession.attach(session.reviewed(), calls.detail(), callsView,
                    executors.background(), executors.fx(), zone, stage);
        } else {
            reviewNotes = null;
            exportCalls = com.voxanne.ops.export.ExportAction.forCallLog(session.database(), session.session(),
                    AppDirectories.forCurrentUser().data().resolve("installation-key"), calls, executors.background(), executors.fx(), zone,
                    stage, scene.getStylesheets());
            callsView.setOnExport(exportCalls);
        }
        mainView.setFileMenu(fileMenu(exportCalls));
        currentCache = cache;
        scene.setRoot(mainView);
        stage.setTitle(TITLE + " — " + session.windowTitle());
        StartupStatus.reached("signed-in");
        calls.rows().addListener((javafx.collections.ListChangeListener<com.voxanne.ops.calls.CallSummary>) c -> {
            if (!calls.rows().isEmpty()) {
                StartupStatus.reached("calls");
            }
        });
        // A bundle under review shows its newest calls at once; when the rest has loaded, everything is refreshed.
        session.fullyLoaded().whenComplete((done, failure) -> javafx.application.Platform.runLater(() -> {
            if (signedIn != session) {
                return;
            }
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING, cause.getMessage()).show();
            } else if (!session.live()) {
                console.refreshAll();
            }
        }));
        mainView.show(preferences.get("workspace.last", "calls"));
        mainView.currentProperty().addListener((obs, old, now) -> {
            preferences.put("workspace.last", now);
            savePreferences();
        });
        if (session.offlineReview()) {
            showCheckWhenDone(session);
        }
        callsView.focusLog();
    }

    /** The server could not be reached at sign-in: the setup this computer kept for the login, read-only, and nothing else. */
    private void showKeptSetup(SignedIn offline) {
        this.signedIn = offline;
        reviewNotes = null;
        var setup = com.voxanne.ops.setup.SetupViewModel.offline(offline.keptSetup(),
                "The server could not be reached; sign out to try again.");
        mainView = new MainView(offline, List.of(new Workspace("setup", "Setup", Material2MZ.SETTINGS, new com.voxanne.ops.setup.SetupView(setup))),
                this::toggleTheme, this::signOut, this::signOut);
        mainView.setFileMenu(fileMenu(null));
        scene.setRoot(mainView);
        stage.setTitle(TITLE + " — " + offline.windowTitle());
    }

    /** The header's menu: what a desktop program keeps under File. */
    private List<javafx.scene.control.MenuItem> fileMenu(Runnable exportCalls) {
        var open = new javafx.scene.control.MenuItem("Open a bundle for offline review…", new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.OPEN_IN_BROWSER));
        open.setId("menuOpenBundle");
        open.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseBundle().ifPresent(this::openBundle));
        var items = new java.util.ArrayList<>(List.of(open));
        if (exportCalls != null) {
            // Issue 17: evaluations made offline beside a bundle go to the server, as this person, once.
            var importReviews = new javafx.scene.control.MenuItem("Import reviews…", new org.kordamp.ikonli.javafx.FontIcon(Material2MZ.RATE_REVIEW));
            importReviews.setId("menuImportReviews");
            importReviews.setOnAction(e -> chooseBundle().ifPresent(this::importReviews));
            items.add(importReviews);
            var export = new javafx.scene.control.MenuItem("Export the calls in view…", new org.kordamp.ikonli.javafx.FontIcon(Material2AL.ARCHIVE));
            export.setId("menuExport");
            export.setAccelerator(javafx.scene.input.KeyCombination.keyCombination("Shortcut+E"));
            export.setOnAction(e -> exportCalls.run());
            items.add(export);
        }
        return items;
    }

    /** Imports the offline evaluations beside {@code bundle} in the background, then says what came of it, refusals by name. */
    private void importReviews(java.nio.file.Path bundle) {
        SignedIn session = signedIn;
        new com.voxanne.ops.mvvm.BackgroundWork(executors.background(), executors.fx()).run(() -> new com.voxanne.ops.quality.ReviewImport(
                session.database().jdbi()).run(com.voxanne.ops.quality.OfflineEvaluations.read(bundle)), (outcome, failure) -> {
                    String text = failure != null ? com.voxanne.ops.mvvm.BackgroundWork.sentence(failure,
                            org.slf4j.LoggerFactory.getLogger(ConsoleApplication.class), "Importing reviews")
                            : outcome.summary() + (outcome.refused().isEmpty() ? "" : "\n\n" + String.join("\n", outcome.refused()));
                    var alert = new javafx.scene.control.Alert(failure != null || !outcome.refused().isEmpty()
                            ? javafx.scene.control.Alert.AlertType.WARNING : javafx.scene.control.Alert.AlertType.INFORMATION, text);
                    alert.setHeaderText("Import reviews from " + bundle.getFileName());
                    alert.initOwner(stage);
                    alert.show();
                });
    }

    private java.util.Optional<java.nio.file.Path> chooseBundle() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Open a transcript bundle");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Voxanne bundles", "*.voxbundle"));
        return java.util.Optional.ofNullable(chooser.showOpenDialog(stage)).map(java.io.File::toPath);
    }

    /** The bundle's full check finishes after its first page shows: then the badge says what it found. */
    private void showCheckWhenDone(SignedIn session) {
        MainView shell = mainView;
        session.reviewed().check().whenCompleteAsync((verification, failure) -> {
            if (signedIn != session) {
                return;
            }
            String badge = failure != null ? "offline review · not checked" : com.voxanne.ops.offline.ReviewDatabase.badge(verification);
            shell.setBadge(badge);
            stage.setTitle(TITLE + " — " + session.withBadge(badge).windowTitle());
            if (failure == null && com.voxanne.ops.offline.ReviewedBundle.unknownSigner(verification).isPresent()) {
                offerTrust(verification);
            }
        }, executors.fx());
    }

    /** A bundle signed by a key this console does not know: offer to trust it, and show it verified once trusted. */
    private void offerTrust(com.voxanne.ops.bundle.BundleVerifier.Verification verification) {
        var trust = com.voxanne.ops.offline.SignerTrustViewModel.of(verification, AppDirectories.forCurrentUser().data().resolve("installation-key"),
                executors.background(), executors.fx());
        MainView shell = mainView;
        javafx.scene.Node[] notice = new javafx.scene.Node[1];
        notice[0] = new com.voxanne.ops.offline.UnknownSignerNotice(trust, () -> shell.removeNotice(notice[0]));
        trust.trustedProperty().addListener((obs, was, now) -> {
            shell.removeNotice(notice[0]);
            shell.setBadge("offline review · verified");
            stage.setTitle(TITLE + " — " + signedIn.withBadge("offline review · verified").windowTitle());
        });
        shell.showNotice(notice[0]);
    }

    private void signOutAndForget() {
        var cache = currentCache;
        signOut();
        if (cache != null) {
            executors.background().execute(() -> {
                try {
                    cache.clear();
                } catch (java.io.IOException e) {
                    org.slf4j.LoggerFactory.getLogger(ConsoleApplication.class).warn("Could not clear the reference cache", e);
                }
            });
        }
    }

    private void signOut() {
        savePreferences();
        if (reviewNotes != null) {
            // A note typed and not saved yet is saved as the reviewer leaves.
            reviewNotes.show(null);
            reviewNotes = null;
        }
        if (console != null) {
            console.close();
            console = null;
        }
        SignedIn leaving = signedIn;
        signedIn = null;
        if (leaving != null) {
            executors.background().execute(leaving::close);
        }
        stage.setTitle(TITLE);
        scene.setRoot(signInView());
    }

    private void toggleTheme() {
        theme = theme.other();
        theme.apply();
        preferences.put("theme", theme.name());
        savePreferences();
    }

    /** Writing the file is disk work: never on the JavaFX thread (except in stop(), when no window is left). */
    private void savePreferences() {
        executors.background().execute(preferences::save);
    }

    @Override
    public void stop() {
        // After the last window closed: blocking here cannot freeze anything a person sees.
        if (stage != null) {
            preferences.put("window.maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                preferences.put("window.x", stage.getX());
                preferences.put("window.y", stage.getY());
                preferences.put("window.width", stage.getWidth());
                preferences.put("window.height", stage.getHeight());
            }
            preferences.save();
        }
        if (reviewNotes != null) {
            reviewNotes.saveBeforeExit();
        }
        if (console != null) {
            console.close();
        }
        if (signedIn != null) {
            signedIn.close();
        }
        if (signInService != null) {
            signInService.shutdown();
        }
        if (executors != null) {
            executors.scheduler().shutdownNow();
            executors.background().shutdownNow();
        }
    }
}
