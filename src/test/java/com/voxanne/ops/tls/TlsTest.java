package com.voxanne.ops.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.db.SecureConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Secure connections (issue 13) against a real server with TLS: a certificate for 127.0.0.1
 * signed by a test CA made with openssl. verify-full with that CA connects encrypted; another
 * CA, another host name, a missing CA file and a server without TLS each read as one sentence
 * that names the fix; unencrypted is offered for this computer only.
 */
class TlsTest {

    private static Path certs;
    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() throws Exception {
        certs = TestWorkspace.root().toAbsolutePath().resolve("tls-" + UUID.randomUUID());
        Files.createDirectories(certs);
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "2",
                "-subj", "/CN=Voxanne test CA");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "other-ca.key", "-out", "other-ca.crt", "-days", "2",
                "-subj", "/CN=Someone else's CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        Files.writeString(certs.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.crt",
                "-days", "2", "-extfile", "san.ext");
        Files.setPosixFilePermissions(certs.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder().setDataDirectory(certs.resolve("pgdata")).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", certs.resolve("server.key").toString())
                .start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static void openssl(String... args) throws Exception {
        Process p = new ProcessBuilder(concat("openssl", args)).directory(certs.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    private static ConsoleDatabase open(String host, SecureConnection secure, String caFile) {
        return ConsoleDatabase.open(ConnectionSettings.of(host, server.getPort(), "postgres", "postgres", secure, caFile),
                "trusted-here".toCharArray(), "tls-" + UUID.randomUUID());
    }

    @Test
    void verifyFullWithTheServersCaConnectsEncrypted() {
        try (ConsoleDatabase db = open("127.0.0.1", SecureConnection.VERIFY_FULL, certs.resolve("ca.crt").toString())) {
            boolean encrypted = db.jdbi().withHandle(h -> h.createQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
                    .mapTo(Boolean.class).one());
            assertThat(encrypted).isTrue();
        }
        try (ConsoleDatabase db = open("127.0.0.1", SecureConnection.REQUIRE, null)) {
            boolean encrypted = db.jdbi().withHandle(h -> h.createQuery("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
                    .mapTo(Boolean.class).one());
            assertThat(encrypted).as("require encrypts without verifying").isTrue();
        }
    }

    @Test
    void certificateProblemsReadAsOneSentenceThatNamesTheFix() {
        assertThatThrownBy(() -> open("127.0.0.1", SecureConnection.VERIFY_FULL, certs.resolve("other-ca.crt").toString()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("The certificate of 127.0.0.1:" + server.getPort() + " is not signed by the CA certificate you chose");
        assertThatThrownBy(() -> open("localhost", SecureConnection.VERIFY_FULL, certs.resolve("ca.crt").toString()))
                .isInstanceOf(UserFacingException.class)
                .hasMessageStartingWith("The certificate of localhost:" + server.getPort() + " is made out to another name");
        assertThatThrownBy(() -> open("127.0.0.1", SecureConnection.VERIFY_FULL, certs.resolve("missing.crt").toString()))
                .isInstanceOf(UserFacingException.class).hasMessageStartingWith("The CA certificate file cannot be read");
        // The test run's shared server has no TLS at all.
        assertThatThrownBy(() -> ConsoleDatabase.open(ConnectionSettings.of("127.0.0.1", TestWorkspace.get().port(), "voxanne", "postgres",
                SecureConnection.REQUIRE, null), "x".toCharArray(), "tls-none"))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("does not accept secure connections");
    }

    @Test
    void unencryptedIsForThisComputerOnlyAndVerifyingNeedsTheCaFile() {
        assertThat(ConnectionSettings.of("localhost", 5432, "voxanne", "jane", SecureConnection.OFF, null).jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost:5432/voxanne?sslmode=disable");
        assertThat(ConnectionSettings.of("db.example.com", 5432, "voxanne", "jane", SecureConnection.VERIFY_FULL, "/home/jane/ca cert.crt")
                .jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5432/voxanne?sslmode=verify-full&sslrootcert=%2Fhome%2Fjane%2Fca+cert.crt");
        assertThatThrownBy(() -> ConnectionSettings.of("db.example.com", 5432, "voxanne", "jane", SecureConnection.OFF, null))
                .hasMessage("An unencrypted connection is only for a server on this computer: choose Encrypted for db.example.com.");
        assertThatThrownBy(() -> ConnectionSettings.of("db.example.com", 5432, "voxanne", "jane", SecureConnection.VERIFY_FULL, " "))
                .hasMessageStartingWith("Choose the server's CA certificate file to verify it");
        assertThat(SecureConnection.defaultFor("db.example.com")).isEqualTo(SecureConnection.REQUIRE);
        assertThat(SecureConnection.defaultFor("localhost")).isEqualTo(SecureConnection.OFF);
    }
}
