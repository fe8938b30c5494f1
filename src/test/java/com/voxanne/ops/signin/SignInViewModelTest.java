package com.voxanne.ops.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.demo.DemoOptions;
import com.voxanne.ops.prefs.UserPreferences;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Signing in, with same-thread executors: failures are one sentence, nothing typed is lost, no password is remembered. */
class SignInViewModelTest {

    private final Path cacheDir = TestWorkspace.root().resolve("signin-cache-" + UUID.randomUUID());
    private final Path prefsFile = TestWorkspace.root().resolve("prefs-" + UUID.randomUUID() + ".properties");
    private final SignInService service = new SignInService(TestWorkspace.root().resolve("unused-" + UUID.randomUUID()), cacheDir, DemoOptions.defaults());

    private SignInViewModel model() {
        return new SignInViewModel(service, UserPreferences.load(prefsFile), Runnable::run, Runnable::run);
    }

    private void typeServer(SignInViewModel m, String login, String password) {
        URI uri = URI.create(TestWorkspace.get().jdbcUrl().substring("jdbc:".length()));
        m.hostProperty().set(uri.getHost());
        m.portProperty().set(Integer.toString(uri.getPort()));
        m.databaseProperty().set("voxanne");
        m.loginProperty().set(login);
        m.passwordProperty().set(password);
    }

    @Test
    void aRightPasswordSignsInAndRemembersTheServerButNotThePassword() throws Exception {
        SignInViewModel m = model();
        var login = TestWorkspace.login("harley", "admin");
        typeServer(m, login.loginRole(), login.password());
        assertThat(m.canSignIn().get()).isTrue();
        m.signIn();
        assertThat(m.errorProperty().get()).isEmpty();
        SignedIn signedIn = m.signedInProperty().get();
        try {
            assertThat(signedIn.session().role()).isEqualTo("admin");
            assertThat(signedIn.windowTitle()).contains("Harley Street Dental Clinic (admin)");
        } finally {
            signedIn.close();
        }
        String saved = Files.readString(prefsFile);
        assertThat(saved).contains("server.login=" + login.loginRole()).doesNotContain(login.password());
        assertThat(model().loginProperty().get()).as("remembered for next time").isEqualTo(login.loginRole());
    }

    @Test
    void aPasswordInsideAJdbcUrlIsNeverRemembered() throws Exception {
        SignInViewModel m = model();
        var login = TestWorkspace.login("harley", "user");
        m.jdbcUrlProperty().set(TestWorkspace.get().jdbcUrl() + "?password=" + login.password() + "&ApplicationName=url-test");
        m.loginProperty().set(login.loginRole());
        m.passwordProperty().set(login.password());
        m.signIn();
        assertThat(m.errorProperty().get()).isEmpty();
        m.signedInProperty().get().close();
        String saved = Files.readString(prefsFile);
        assertThat(saved).doesNotContain(login.password()).contains("ApplicationName");
        assertThat(model().jdbcUrlProperty().get()).as("remembered without the password").doesNotContain("password");
    }

    @Test
    void aWrongPasswordIsOneSentenceAndKeepsWhatWasTyped() {
        SignInViewModel m = model();
        typeServer(m, "demo_harley_user", "not-it");
        m.signIn();
        assertThat(m.errorProperty().get()).isEqualTo("The server refused the sign-in: wrong login or password.");
        assertThat(m.signedInProperty().get()).isNull();
        assertThat(m.loginProperty().get()).isEqualTo("demo_harley_user");
        assertThat(m.passwordProperty().get()).isEqualTo("not-it");
        assertThat(m.busyProperty().get()).isFalse();
    }

    @Test
    void aBadPortAndALoginWithoutProfileAreExplained() {
        SignInViewModel m = model();
        typeServer(m, "demo_harley_user", "x");
        m.portProperty().set("54x");
        m.signIn();
        assertThat(m.errorProperty().get()).isEqualTo("The port must be a number between 1 and 65535.");

        TestWorkspace.owner().useHandle(h -> {
            h.execute("drop role if exists orphan_login");
            h.execute("create role orphan_login login password 'orphan-password-1' in role vox_user");
        });
        typeServer(m, "orphan_login", "orphan-password-1");
        m.signIn();
        assertThat(m.errorProperty().get())
                .isEqualTo("The login orphan_login has no active profile in the console: ask an administrator to link it to a profile.");
    }

    @Test
    void aServerWithAnOlderOrNewerSchemaIsExplainedNotOpened() {
        SignInViewModel m = model();
        var login = TestWorkspace.login("harley", "user");
        int current = com.voxanne.ops.db.SchemaMigrator.latestVersion();
        String server = TestWorkspace.get().jdbcUrl().replaceFirst("^jdbc:postgresql://([^/]+)/.*$", "$1");
        var owner = TestWorkspace.owner();
        try {
            // Migrated before consoles could ask: the version function is not there.
            owner.useHandle(h -> h.execute("alter function voxconsole.schema_version() rename to schema_version_hidden"));
            typeServer(m, login.loginRole(), login.password());
            m.signIn();
            assertThat(m.errorProperty().get()).isEqualTo("The schema on " + server + " is older than this console needs (version " + current
                    + "): ask an administrator to run 'voxconsole migrate' on it.");
            owner.useHandle(h -> h.execute("alter function voxconsole.schema_version_hidden() rename to schema_version"));

            owner.useHandle(h -> h.execute("update voxconsole.flyway_schema_history set version = '" + (current + 7) + "' where version = '" + current + "'"));
            m.signIn();
            assertThat(m.errorProperty().get()).isEqualTo("The schema on " + server + " is at version " + (current + 7)
                    + ", newer than this console knows (" + current + "): install the console's newest version.");
            owner.useHandle(h -> h.execute("update voxconsole.flyway_schema_history set version = '" + (current - 1) + ".5' where version = '" + (current + 7) + "'"));
            m.signIn();
            assertThat(m.errorProperty().get()).startsWith("The schema on " + server + " is at version " + (current - 1) + ", older than");
            assertThat(m.signedInProperty().get()).isNull();
            assertThat(m.passwordProperty().get()).as("nothing typed is lost").isEqualTo(login.password());
        } finally {
            owner.useHandle(h -> {
                h.execute("update voxconsole.flyway_schema_history set version = '" + current + "' where version in ('" + (current + 7) + "', '"
                        + (current - 1) + ".5')");
                if (h.createQuery("select count(*) from pg_proc where proname = 'schema_version_hidden'").mapTo(Integer.class).one() > 0) {
                    h.execute("alter function voxconsole.schema_version_hidden() rename to schema_version");
                }
            });
        }
        m.signIn();
        assertThat(m.errorProperty().get()).isEmpty();
        m.signedInProperty().get().close();
    }

    @Test
    void creatingTheDemoCanBeCancelledAndStartsAfreshNextTime() {
        Path dir = TestWorkspace.root().resolve("cancel-" + UUID.randomUUID());
        SignInService demoService = new SignInService(dir, cacheDir, new DemoOptions(9, 3_000, java.time.LocalDate.of(2026, 11, 1)));
        var ref = new java.util.concurrent.atomic.AtomicReference<SignInViewModel>();
        // The person presses Cancel as soon as the first progress reaches the screen.
        SignInViewModel m = new SignInViewModel(demoService, UserPreferences.load(prefsFile), Runnable::run, r -> {
            r.run();
            if (ref.get().cancellableProperty().get()) {
                ref.get().cancel();
            }
        });
        ref.set(m);
        try {
            m.openDemo();
            assertThat(m.errorProperty().get()).isEqualTo("Creating the demo workspace was cancelled; it starts afresh next time.");
            assertThat(m.signedInProperty().get()).isNull();
            assertThat(dir.resolve("bootstrap.done")).doesNotExist();

            SignInViewModel again = new SignInViewModel(demoService, UserPreferences.load(prefsFile), Runnable::run, Runnable::run);
            again.openDemo();
            assertThat(again.errorProperty().get()).isEmpty();
            try (SignedIn signedIn = again.signedInProperty().get()) {
                int calls = signedIn.database().jdbi().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Integer.class).one());
                assertThat(calls).isPositive();
            }
        } finally {
            demoService.shutdown();
        }
    }

    @Test
    void withTheServerDownTheSetupKeptForThatLoginIsOfferedReadOnly() {
        var login = TestWorkspace.login("harley", "user");
        var down = com.voxanne.ops.db.ConnectionSettings.of("127.0.0.1", 1, "voxanne", login.loginRole());
        // An earlier session on that server fetched the setup (here through the live test server, filed under the dead address).
        var live = TestWorkspace.as("harley", "user");
        var session = live.jdbi().onDemand(com.voxanne.ops.records.ProfileDao.class).session().orElseThrow();
        new com.voxanne.ops.setup.ReferenceService(live.jdbi(),
                new com.voxanne.ops.setup.ReferenceCache(cacheDir, down.server(), session), live.columns()).refresh();

        SignInViewModel m = model();
        m.hostProperty().set("127.0.0.1");
        m.portProperty().set("1");
        m.loginProperty().set(login.loginRole());
        m.passwordProperty().set("anything");
        m.signIn();
        assertThat(m.errorProperty().get()).startsWith("Cannot reach the database server at 127.0.0.1:1");
        assertThat(m.keptSetupProperty().get()).as("offered after the failure").isNotNull();
        m.openKeptSetup();
        SignedIn offline = m.signedInProperty().get();
        assertThat(offline.connected()).isFalse();
        assertThat(offline.session().orgName()).isEqualTo("Harley Street Dental Clinic");
        assertThat(offline.keptSetup().agents()).hasSize(2);
        assertThat(offline.windowTitle()).endsWith("· offline · saved setup");

        SignInViewModel someoneElse = model();
        someoneElse.hostProperty().set("127.0.0.1");
        someoneElse.portProperty().set("1");
        someoneElse.loginProperty().set("demo_harley_admin");
        someoneElse.passwordProperty().set("anything");
        someoneElse.signIn();
        assertThat(someoneElse.keptSetupProperty().get()).as("another login's copy is never offered").isNull();
    }

    @Test
    void theDemoChoiceOffersEveryDemoLogin() {
        assertThat(model().demoLogins()).hasSize(8).extracting(l -> l.loginRole())
                .contains("demo_harley_manager", "demo_harley_user", "demo_brightside_admin");
        assertThat(model().demoLoginProperty().get().loginRole()).isEqualTo("demo_harley_manager");
    }
}
