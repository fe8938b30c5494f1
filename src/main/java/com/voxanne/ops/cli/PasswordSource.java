package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import java.io.Console;

/**
 * Where the command line gets a database password: PGPASSWORD (as psql does) or a prompt that
 * does not echo. Never a command-line option, which would end up in shell history and ps output.
 */
final class PasswordSource {

    private PasswordSource() {
    }

    static char[] forUser(String user) {
        String env = System.getenv("PGPASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new UserFacingException("No password for " + user + ": set PGPASSWORD or run the command in a terminal to be asked for it.");
        }
        char[] password = console.readPassword("Password for %s: ", user);
        if (password == null || password.length == 0) {
            throw new UserFacingException("No password was given for " + user + ".");
        }
        return password;
    }
}
