package com.voxanne.ops.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.FileAppender;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After a session that signs in with a wrong password, opens the demo as an admin, goes through
 * every workspace and every tab in it and exports a bundle, no secret is found in anything the
 * console wrote (cache, preferences, notes, the bundle, the embedded server's own logs) nor in the
 * log: not the wrong password, not the workspace's passwords, not a credential's plain text. And
 * every file the console wrote is its owner's alone: private itself or inside a private folder.
 */
class SecretsStayOutTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Secret-" + UUID.randomUUID();
    private final FxRobot robot = new FxRobot();
    private final Path home = TestWorkspace.root().resolve("secrets-" + UUID.randomUUID());
    private javafx.application.Application application;

    @AfterEach
    void close() throws Exception {
        if (application != null) {
            FxToolkit.cleanupApplication(application);
        }
        for (String p : List.of("voxconsole.home", "voxconsole.demo.calls")) {
            System.clearProperty(p);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void noSecretLandsInWhatTheConsoleWritesAndEveryFileIsPrivate() throws Exception {
        System.setProperty("voxconsole.home", home.toString());
        System.setProperty("voxconsole.demo.calls", "600");
        System.setProperty("voxconsole.demo.traffic", "off");
        FxToolkit.registerPrimaryStage();
        application = FxToolkit.setupApplication(ConsoleApplication::new);

        // A wrong password against a real server: refused, and (below) written nowhere.
        set("#host", "127.0.0.1");
        set("#port", Integer.toString(TestWorkspace.get().port()));
        set("#database", "voxanne");
        set("#login", "demo_harley_admin");
        set("#password", WRONG_PASSWORD);
        robot.clickOn("#signIn");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !robot.lookup("#signInError").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup("#signInError").queryAs(Label.class).getText()).isEqualTo("The server refused the sign-in: wrong login or password.");

        ComboBox<com.voxanne.ops.demo.DemoLoginSpec> demo = robot.lookup("#demoLogin").queryAs(ComboBox.class);
        robot.interact(() -> demo.setValue(demo.getItems().stream().filter(l -> l.loginRole().equals("demo_harley_admin")).findFirst().orElseThrow()));
        robot.clickOn("#openDemo");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup("#callLog").tryQuery().isPresent()
                && !robot.lookup("#callLog").queryAs(TableView.class).getItems().isEmpty());
        int tabs = 0;
        for (String id : List.of("calls", "sentiment", "appointments", "contacts", "tracking", "setup", "admin", "alerts")) {
            robot.clickOn("#nav-" + id);
            WaitForAsyncUtils.waitForFxEvents();
            for (TabPane pane : robot.lookup(".tab-pane").queryAllAs(TabPane.class)) {
                if (pane.getScene() != null && pane.isVisible()) {
                    for (int i = 0; i < pane.getTabs().size(); i++) {
                        int tab = i;
                        robot.interact(() -> pane.getSelectionModel().select(tab));
                        WaitForAsyncUtils.waitForFxEvents();
                        tabs++;
                    }
                }
            }
        }
        Thread.sleep(1_500);

        // An export, written by the console's own export service as the signed-in admin.
        Path workspaceDir = home.resolve("data").resolve("workspace");
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(findSecretsFile(workspaceDir))) {
            secrets.load(in);
        }
        Path bundle = home.resolve("exports").resolve("harley.voxbundle");
        // The console closes (and stops its demo server) first: one server per workspace.
        FxToolkit.cleanupApplication(application);
        application = null;
        try (EmbeddedServer server = EmbeddedServer.start(workspaceDir, 0, DemoOptions.defaults().withCalls(600))) {
            var admin = server.demoLogins().stream().filter(l -> l.loginRole().equals("demo_harley_admin")).findFirst().orElseThrow();
            com.voxanne.ops.db.ConsoleDatabase db = com.voxanne.ops.db.ConsoleDatabase.open(
                    new com.voxanne.ops.db.ConnectionSettings(server.jdbcUrl(), admin.loginRole()), admin.password().toCharArray(), "secrets");
            Jdbi jdbi = db.jdbi();
            UUID org = jdbi.withHandle(h -> h.createQuery("select org_id from voxconsole.console_session").mapTo(UUID.class).one());
            new ExportService(jdbi, InstallationKey.loadOrCreate(home.resolve("data").resolve("installation-key"))).export(
                    CallFilter.NONE.toQuery(org, ZoneId.of("Europe/London"), 500), Map.of(), false, bundle,
                    new ExportService.Origin(admin.loginRole(), "Admin", admin.organization(), org, "test"), n -> { }, () -> false);
            List<String> plainCredentials = Jdbi.create(server.ownerDataSource()).withHandle(h -> h.createQuery(
                            "select voxconsole.pgp_sym_decrypt(c.secret_ciphertext, :key) from public.org_credentials c")
                    .bind("key", DemoOptions.defaults().credentialKey())
                    .mapTo(String.class).list());
            assertThat(plainCredentials).isNotEmpty().allMatch(s -> s.startsWith("demo_"));
            db.close();

            List<String> secretValues = new ArrayList<>(plainCredentials);
            secrets.stringPropertyNames().forEach(k -> secretValues.add(secrets.getProperty(k)));
            secretValues.add(WRONG_PASSWORD);
            assertThat(secretValues).as("the workspace's passwords, the credentials and the wrong password").hasSizeGreaterThan(8);

            List<Path> written = files(home).stream().filter(p -> !p.equals(findSecretsFile(workspaceDir))
                    && !p.equals(home.resolve("data").resolve("installation-key"))).toList();
            List<Path> searched = new ArrayList<>(written);
            searched.add(logFile());
            List<String> found = new ArrayList<>();
            long bytes = 0;
            for (Path file : searched) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                bytes += content.length();
                for (String secret : secretValues) {
                    if (content.contains(secret)) {
                        found.add(home.relativize(file.toAbsolutePath()) + " holds a secret");
                    }
                }
            }
            assertThat(found).isEmpty();

            List<String> readableByOthers = files(home).stream().filter(p -> !ownersAlone(p)).map(p -> home.relativize(p).toString()).toList();
            assertThat(readableByOthers).as("files another account could read").isEmpty();
            assertThat(Files.getPosixFilePermissions(bundle)).as("the exported bundle itself")
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            System.out.printf("secrets: %d tabs visited, %d secrets looked for in %d files (%,d bytes) and the log; none found;"
                    + " every file private%n", tabs, secretValues.size(), searched.size(), bytes);
        }
    }

    private void set(String id, String text) {
        TextInputControl field = robot.lookup(id).queryAs(TextInputControl.class);
        robot.interact(() -> field.setText(text));
    }

    private static Path findSecretsFile(Path workspaceDir) {
        try (Stream<Path> s = Files.walk(workspaceDir, 2)) {
            return s.filter(p -> p.getFileName().toString().equals("secrets.properties")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path root) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** Private itself (no group or other bits), or inside a folder below the console's home that is. */
    private boolean ownersAlone(Path file) {
        try {
            for (Path p = file; p != null && p.startsWith(home) && !p.equals(home); p = p.getParent()) {
                Set<PosixFilePermission> mode = Files.getPosixFilePermissions(p);
                boolean others = mode.stream().anyMatch(m -> m.name().startsWith("GROUP") || m.name().startsWith("OTHERS"));
                if (!others) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The log this JVM writes (every test's, this session's included). */
    private static Path logFile() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        assertThat(appender).as("the file log").isInstanceOf(FileAppender.class);
        return Path.of(((FileAppender<?>) appender).getFile());
    }
}
