package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.ConnectionSettings;
import picocli.CommandLine.Option;

/** --url and --user, shared by every command that talks to a server. */
final class ServerOptions {

    @Option(names = "--url", required = true, paramLabel = "JDBC_URL",
            description = "The server, e.g. jdbc:postgresql://db.example.com:5432/voxanne")
    String url;

    @Option(names = "--user", required = true, paramLabel = "ROLE", description = "The role to connect as; its password comes from PGPASSWORD or a prompt.")
    String user;

    ConnectionSettings settings() {
        try {
            return new ConnectionSettings(url, user);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
    }
}
