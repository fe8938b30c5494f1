package com.voxanne.ops.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.records.ProfileDao;
import org.junit.jupiter.api.Test;

/** Signing in through the console's pool: each failure is one sentence, and the session knows who it is. */
class ConsoleDatabaseTest {

    private final String url = TestWorkspace.get().jdbcUrl();

    @Test
    void aDemoLoginKnowsItsPersonOrganizationAndRole() {
        var session = TestWorkspace.as("brightside", "manager").jdbi().onDemand(ProfileDao.class).session().orElseThrow();
        assertThat(session.orgName()).isEqualTo("Brightside Physiotherapy");
        assertThat(session.role()).isEqualTo("manager");
        assertThat(session.loginRole()).isEqualTo("demo_brightside_manager");
        assertThat(session.isManagerOrAdmin()).isTrue();
        assertThat(session.isAdmin()).isFalse();
    }

    @Test
    void aWrongPasswordIsOneSentence() {
        assertThatThrownBy(() -> ConsoleDatabase.open(new ConnectionSettings(url, "demo_harley_user"), "wrong".toCharArray(), "t"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("The server refused the sign-in: wrong login or password.");
    }

    @Test
    void anUnreachableServerIsOneSentence() throws Exception {
        int port = TestWorkspace.freePort();
        assertThatThrownBy(() -> ConsoleDatabase.open(ConnectionSettings.of("127.0.0.1", port, "voxanne", "someone"), "x".toCharArray(), "t"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("Cannot reach the database server at 127.0.0.1:" + port + ": check that it is running and reachable.");
        assertThatThrownBy(() -> ConsoleDatabase.open(ConnectionSettings.of("no-such-host.invalid", 5432, "voxanne", "someone"), "x".toCharArray(), "t"))
                .hasMessage("The server no-such-host.invalid:5432 could not be found: check the host name.");
    }

    @Test
    void aServerWithoutTheSchemaAndALoginWithoutAProfileAreExplained() {
        TestWorkspace.owner().useHandle(h -> {
            h.execute("drop role if exists stray_login");
            h.execute("create role stray_login login password 'stray-password-123' in role vox_user");
        });
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(url, "stray_login"), "stray-password-123".toCharArray(), "t")) {
            assertThat(db.jdbi().onDemand(ProfileDao.class).session()).as("no profile, no session").isEmpty();
        }
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(url.replace("/voxanne", "/postgres"), "stray_login"),
                "stray-password-123".toCharArray(), "t")) {
            Throwable noSchema = org.assertj.core.api.Assertions.catchThrowable(() -> db.jdbi().onDemand(ProfileDao.class).session());
            assertThat(SqlErrors.describe(noSchema, "test")).isEqualTo("The server has no Voxanne schema yet: run 'voxconsole migrate' against it first.");
        }
    }

    @Test
    void passwordsNeverAppearInTheSettingsOrTheirUrl() {
        var settings = new ConnectionSettings("jdbc:postgresql://db.example.com/voxanne?user=x&password=hunter2&ssl=true", "x");
        assertThat(settings.toString()).doesNotContain("hunter2");
        assertThat(settings.redactedUrl()).isEqualTo("jdbc:postgresql://db.example.com/voxanne?user=x&password=***&ssl=true");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://db.example.com/voxanne?user=x&password=s3cr%26t&ssl=true"))
                .isEqualTo("jdbc:postgresql://db.example.com/voxanne?user=x&ssl=true");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://h/v?password=p&sslpassword=q&ssl=true")).isEqualTo("jdbc:postgresql://h/v?ssl=true");
        assertThat(JdbcUrls.withoutSecrets("jdbc:postgresql://h/v?PASSWORD=p")).isEqualTo("jdbc:postgresql://h/v");
        assertThatThrownBy(() -> new ConnectionSettings("mysql://db", "x")).hasMessageStartingWith("A server address must start with jdbc:postgresql:");
    }
}
