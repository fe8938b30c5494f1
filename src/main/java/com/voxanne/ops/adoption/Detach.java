package com.voxanne.ops.adoption;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.db.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * `voxconsole detach`: takes away everything adopt added, so the platform's tables, rows,
 * policies and grants are exactly as before. The console's indexes go first, concurrently (the
 * web app keeps writing); then, in one transaction, its policies, triggers, grants and schema.
 * Group roles go only when no login still uses them, logins only when asked to.
 */
public final class Detach {

    private static final Logger LOG = LoggerFactory.getLogger(Detach.class);
    private static final List<String> GROUPS = SchemaMigrator.GROUP_ROLES;
    private static final String GROUP_LIST = String.join(", ", GROUPS.stream().map(g -> "'" + g + "'").toList());

    /** What detach did, and what it left and why. */
    public record Outcome(int indexes, int policies, int triggers, List<String> droppedRoles, List<String> keptRoles) {
    }

    private Detach() {
    }

    public static Outcome run(DataSource owner, boolean dropLogins) {
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(true);
            if (!exists(c, "select to_regclass('voxconsole.flyway_schema_history') is not null")) {
                throw new UserFacingException("The console is not attached to this database: there is nothing to detach.");
            }
            // The console's logins: those it linked to a profile, and any login still holding one of its
            // groups (a detach without --drop-logins left them, and the next adopt began a new list).
            List<String> logins = strings(c, """
                    select login_role::text from voxconsole.console_logins
                    union
                    select m.rolname::text from pg_auth_members a join pg_roles g on g.oid = a.roleid join pg_roles m on m.oid = a.member
                    where g.rolname in (%s) and m.rolcanlogin and m.rolname <> current_user
                    order by 1""".formatted(GROUP_LIST));
            List<String> indexes = strings(c, "select relname::text from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind = 'i' and relname like 'voxconsole\\_%' order by 1");
            try (Statement s = c.createStatement()) {
                for (String index : indexes) {
                    s.execute("drop index concurrently if exists public." + index);
                }
            }
            c.setAutoCommit(false);
            int policies;
            int triggers;
            try (Statement s = c.createStatement()) {
                List<String[]> ps = pairs(c, "select tablename::text, policyname::text from pg_policies where schemaname = 'public'"
                        + " and policyname like 'voxconsole\\_%'");
                for (String[] p : ps) {
                    s.execute("drop policy " + quote(p[1]) + " on public." + quote(p[0]));
                }
                List<String[]> ts = pairs(c, "select c.relname::text, t.tgname::text from pg_trigger t join pg_class c on c.oid = t.tgrelid"
                        + " where c.relnamespace = 'public'::regnamespace and not t.tgisinternal and t.tgname like 'voxconsole\\_%'");
                for (String[] t : ts) {
                    s.execute("drop trigger " + quote(t[1]) + " on public." + quote(t[0]));
                }
                policies = ps.size();
                triggers = ts.size();
                // Table grants take their column grants with them.
                s.execute("""
                        do $$
                        declare
                          r text;
                        begin
                          foreach r in array array[%s] loop
                            if exists (select 1 from pg_roles where rolname = r) then
                              execute format('revoke all on all tables in schema public from %%I', r);
                              execute format('revoke all on schema public from %%I', r);
                            end if;
                          end loop;
                        end $$""".formatted(GROUP_LIST));
                s.execute("drop schema voxconsole cascade");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            List<String> dropped = new ArrayList<>();
            List<String> kept = new ArrayList<>();
            if (dropLogins) {
                for (String login : logins) {
                    dropRole(c, login, dropped, kept);
                }
            }
            // A kept group keeps the ones below it too: its logins have their rights through them.
            String keptAbove = null;
            for (String group : GROUPS) {
                if (!exists(c, "select exists (select 1 from pg_roles where rolname = '" + group + "')")) {
                    continue;
                }
                List<String> members = strings(c, "select m.rolname::text from pg_auth_members a join pg_roles g on g.oid = a.roleid"
                        + " join pg_roles m on m.oid = a.member where g.rolname = '" + group + "'"
                        + " and m.rolname not in (" + GROUP_LIST + ")"
                        // PostgreSQL 16+ makes a role's creator (the owner running adopt) a member with ADMIN OPTION.
                        + " and m.rolname <> current_user");
                if (!members.isEmpty()) {
                    kept.add(group + " (still granted to " + String.join(", ", members) + ")");
                    keptAbove = group;
                    continue;
                }
                if (keptAbove != null) {
                    kept.add(group + " (" + keptAbove + " is kept and has its rights through it)");
                    continue;
                }
                dropRole(c, group, dropped, kept);
            }
            LOG.info("Detached: {} indexes, {} policies, {} triggers; roles dropped {}, kept {}", indexes.size(), policies, triggers,
                    dropped, kept);
            return new Outcome(indexes.size(), policies, triggers, dropped, kept);
        } catch (SQLException e) {
            throw new UserFacingException("Detaching failed (" + SqlErrors.describe(e, "the server")
                    + "); run it again to finish: each step that was done stays done.", e);
        }
    }

    /** Roles are the cluster's: one another database still uses is kept, and the reason said. */
    private static void dropRole(Connection c, String role, List<String> dropped, List<String> kept) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("drop role if exists " + quote(role));
            dropped.add(role);
        } catch (SQLException e) {
            kept.add(role + " (" + e.getMessage().split("\n")[0] + ")");
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    private static boolean exists(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String[]> pairs(Connection c, String sql) throws SQLException {
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }
}
