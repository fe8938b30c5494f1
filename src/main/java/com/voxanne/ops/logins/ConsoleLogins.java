package com.voxanne.ops.logins;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.Timeouts;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.postgresql.PGConnection;

/**
 * Creates and lists console login roles. A login is a PostgreSQL role with LOGIN, member of exactly
 * one of vox_user / vox_manager / vox_admin (the profile's role), and linked to its profile in
 * voxconsole.console_logins. Runs as the schema owner or a superuser: console roles cannot do this.
 */
public final class ConsoleLogins {

    private static final Pattern LOGIN_NAME = Pattern.compile("^[a-z_][a-z0-9_]{0,62}$");

    private ConsoleLogins() {
    }

    /** A login as the operator sees it. */
    public record Login(String loginRole, UUID profileId, String email, String role, String organization) {
    }

    /**
     * Creates the login role for the profile with this e-mail. The password is hashed with
     * SCRAM-SHA-256 by the driver before it is sent, so it never appears in server logs.
     */
    public static Login create(Handle owner, String loginRole, String profileEmail, char[] password) {
        if (!LOGIN_NAME.matcher(loginRole).matches()) {
            throw new UserFacingException("A login name uses lower-case letters, digits and underscores, starts with a letter, and has at most 63 characters.");
        }
        if (password.length < 12) {
            throw new UserFacingException("A console password needs at least 12 characters.");
        }
        var profile = owner.createQuery("""
                        select p.id, p.role, o.name as org_name
                        from public.profiles p join public.organizations o on o.id = p.org_id
                        where lower(p.email) = lower(:email)""")
                .bind("email", profileEmail)
                .map((rs, ctx) -> new Login(loginRole, rs.getObject("id", UUID.class), profileEmail,
                        rs.getString("role"), rs.getString("org_name")))
                .findOne()
                .orElseThrow(() -> new UserFacingException("No profile has the e-mail " + profileEmail + ": create the profile first."));
        boolean roleExists = owner.createQuery("select exists (select 1 from pg_roles where rolname = :r)")
                .bind("r", loginRole).mapTo(Boolean.class).one();
        if (roleExists) {
            throw new UserFacingException("The login " + loginRole + " already exists on this server.");
        }
        boolean alreadyLinked = owner.createQuery("select exists (select 1 from voxconsole.console_logins where profile_id = :p)")
                .bind("p", profile.profileId()).mapTo(Boolean.class).one();
        if (alreadyLinked) {
            throw new UserFacingException("The profile " + profileEmail + " already has a console login.");
        }
        owner.useTransaction(tx -> {
            // Identifiers cannot be bound; the name was checked against LOGIN_NAME above.
            tx.execute("create role " + loginRole + " login nosuperuser nocreatedb nocreaterole nobypassrls noreplication in role vox_"
                    + profile.role().toLowerCase(Locale.ROOT));
            setPassword(tx.getConnection(), loginRole, password);
            // The longest statement the server runs for this person, set where every connection gets
            // it, poolers included (a startup option would be refused by PgBouncer).
            tx.execute("alter role " + loginRole + " set statement_timeout = '" + Timeouts.CONSOLE.statement().toMillis() + "ms'");
            tx.createUpdate("insert into voxconsole.console_logins (login_role, profile_id) values (:login, :profile)")
                    .bind("login", loginRole).bind("profile", profile.profileId()).execute();
            tx.createUpdate("""
                            insert into voxconsole.audit_trail (org_id, action, entity, entity_id, details)
                            select p.org_id, 'login', 'console_logins', p.id,
                                   jsonb_build_object('event', 'created', 'login_role', :login, 'role', p.role, 'by', session_user)
                            from public.profiles p where p.id = :profile""")
                    .bind("login", loginRole).bind("profile", profile.profileId()).execute();
        });
        return profile;
    }

    public static List<Login> list(Handle owner) {
        return owner.createQuery("""
                        select l.login_role, p.id, p.email, p.role, o.name as org_name
                        from voxconsole.console_logins l
                        join public.profiles p on p.id = l.profile_id
                        join public.organizations o on o.id = p.org_id
                        order by o.name, p.role, l.login_role""")
                .map((rs, ctx) -> new Login(rs.getString("login_role"), rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("role"), rs.getString("org_name")))
                .list();
    }

    private static void setPassword(Connection connection, String loginRole, char[] password) {
        try {
            connection.unwrap(PGConnection.class).alterUserPassword(loginRole, password, "scram-sha-256");
        } catch (SQLException e) {
            throw new UserFacingException("Could not set the password of " + loginRole + ".", e);
        }
    }
}
