package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.OwnerDataSource;
import com.voxanne.ops.logins.ConsoleLogins;
import com.voxanne.ops.embedded.ServerSecrets;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Jdbi;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `user add` and `user list`: console logins, managed by the operator. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Console logins (one PostgreSQL login role per person).",
        subcommands = {UserCommand.Add.class, UserCommand.ListLogins.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Creates a login role for an existing profile, with the profile's role (admin, manager or user).",
                "The new password is read from standard input with --password-stdin, asked for in a terminal, or generated and printed once."})
    static final class Add implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions server = new ServerOptions();

        @Option(names = "--login", required = true, paramLabel = "NAME", description = "The new login role, e.g. jane_smith.")
        String login;

        @Option(names = "--email", required = true, paramLabel = "EMAIL", description = "E-mail of the profile the login belongs to.")
        String email;

        @Option(names = "--password-stdin", description = "Read the new login's password from the first line of standard input.")
        boolean passwordFromStdin;

        @Override
        public Integer call() throws IOException {
            var settings = server.settings();
            var ds = OwnerDataSource.open(settings, PasswordSource.forUser(settings.user()));
            boolean generated = false;
            char[] password;
            if (passwordFromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new UserFacingException("No password arrived on standard input.");
                }
                password = line.toCharArray();
            } else if (System.console() != null) {
                password = System.console().readPassword("New password for %s: ", login);
                char[] again = System.console().readPassword("Repeat it: ");
                if (!Arrays.equals(password, again)) {
                    throw new UserFacingException("The two passwords differ; nothing was created.");
                }
            } else {
                password = ServerSecrets.newPassword().toCharArray();
                generated = true;
            }
            var created = Jdbi.create(ds).withHandle(h -> ConsoleLogins.create(h, login, email, password));
            var out = spec.commandLine().getOut();
            out.println("Created login " + login + " (" + created.role() + " of " + created.organization() + ").");
            if (generated) {
                out.println("Password (shown once): " + new String(password));
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists console logins with their organization and role.")
    static final class ListLogins implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ServerOptions server = new ServerOptions();

        @Override
        public Integer call() {
            var settings = server.settings();
            var ds = OwnerDataSource.open(settings, PasswordSource.forUser(settings.user()));
            var out = spec.commandLine().getOut();
            for (var l : Jdbi.create(ds).withHandle(ConsoleLogins::list)) {
                out.printf("%-28s %-8s %-36s %s%n", l.loginRole(), l.role(), l.organization(), l.email());
            }
            return 0;
        }
    }
}
