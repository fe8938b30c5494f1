package com.voxanne.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.records.ProfileDao;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** What each console role may do inside its own organization, and the tricks that must not widen it. */
class RightsMatrixTest {

    private static final String HARLEY = "Harley Street Dental Clinic";

    private static Jdbi as(String role) {
        return TestWorkspace.as("harley", role).jdbi();
    }

    private static String ownAppointment() {
        return "(select id from public.appointments order by id limit 1)";
    }

    @Test
    void usersReadButDoNotWrite() {
        assertThat(Attempt.count(as("user"), "select count(*) from public.calls").rows()).isPositive();
        assertThat(Attempt.update(as("user"), "update public.appointments set status = 'cancelled' where id = " + ownAppointment()).refused()).isTrue();
        assertThat(Attempt.update(as("user"), "update public.contacts set lead_score = 50").refused()).isTrue();
        assertThat(Attempt.update(as("user"), "update public.hot_lead_alerts set reason = 'x'").refused()).isTrue();
        assertThat(Attempt.count(as("user"), "select count(*) from voxconsole.acknowledge('hot_lead_alerts', "
                + "(select id from public.hot_lead_alerts order by id limit 1))").refused()).as("users do not acknowledge").isTrue();
        assertThat(Attempt.count(as("user"), "select count(*) from public.onboarding_submissions").refused()).isTrue();
        assertThat(Attempt.count(as("user"), "select count(*) from public.audit_logs").refused()).isTrue();
        assertThat(Attempt.count(as("user"), "select count(*) from voxconsole.audit_trail").refused()).isTrue();
    }

    @Test
    void managersUpdateAppointmentsContactsAndAlertsButNotProfilesOrTools() {
        assertThat(Attempt.update(as("manager"), "update public.appointments set status = 'cancelled' where id = " + ownAppointment()).rows()).isEqualTo(1);
        assertThat(Attempt.update(as("manager"), "update public.contacts set lead_score = 50 where id = (select id from public.contacts order by id limit 1)").rows()).isEqualTo(1);
        assertThat(Attempt.count(as("manager"), """
                select count(*) from voxconsole.acknowledge('hot_lead_alerts',
                  (select a.id from public.hot_lead_alerts a where not exists (select 1 from voxconsole.acknowledgements_of('hot_lead_alerts', array[a.id]))
                   order by a.id limit 1)) at where at is not null""").rows()).isEqualTo(1);
        assertThat(Attempt.update(as("manager"), "update public.hot_lead_alerts set reason = 'x'").refused())
                .as("the platform's alert rows are not the console's to change").isTrue();
        assertThat(Attempt.update(as("manager"), "update public.appointments set org_id = org_id").refused())
                .as("org_id is not among the columns a manager may change").isTrue();
        assertThat(Attempt.update(as("manager"), "update public.profiles set status = 'suspended'").refused()).isTrue();
        assertThat(Attempt.update(as("manager"), "insert into public.org_tools (org_id, tool_name) values (voxconsole.current_org_id(), 'x')").refused()).isTrue();
        assertThat(Attempt.count(as("manager"), "select count(*) from public.onboarding_submissions").rows()).isPositive();
        assertThat(Attempt.count(as("manager"), "select count(*) from public.audit_logs").refused()).isTrue();
        assertThat(Attempt.count(as("manager"), "select count(*) from voxconsole.audit_trail").refused()).isTrue();
    }

    @Test
    void adminsManageProfilesToolsAndFlagsOfTheirOwnOrganization() {
        assertThat(Attempt.update(as("admin"), "update public.profiles set status = 'inactive' where role = 'user'").rows()).isPositive();
        assertThat(Attempt.run(as("admin"), h -> {
            int inserted = h.createUpdate("insert into public.org_tools (org_id, tool_name, enabled) values (voxconsole.current_org_id(), 'new_tool', true)").execute();
            int updated = h.createUpdate("update public.org_tools set enabled = false where tool_name = 'new_tool'").execute();
            int deleted = h.createUpdate("delete from public.org_tools where tool_name = 'new_tool'").execute();
            return inserted + updated + deleted;
        }).rows()).isEqualTo(3);
        assertThat(Attempt.update(as("admin"), "update public.org_feature_flags set enabled = not enabled").rows()).isPositive();
        assertThat(Attempt.count(as("admin"), "select count(*) from public.audit_logs").rows()).isPositive();
        assertThat(Attempt.count(as("admin"), "select count(*) from voxconsole.audit_trail").rows()).isPositive();
        assertThat(Attempt.count(as("admin"), "select count(*) from public.security_audit_log").rows()).isPositive();
        assertThat(Attempt.update(as("admin"), "update public.calls set summary = 'x'").refused()).as("nobody rewrites calls").isTrue();
        assertThat(Attempt.update(as("admin"), "delete from public.calls").refused()).isTrue();
        assertThat(Attempt.update(as("admin"), "update public.organizations set plan = 'enterprise'").refused()).isTrue();
    }

    @Test
    void noConsoleRoleCanReadCredentialSecrets() {
        for (String role : List.of("admin", "manager", "user")) {
            assertThat(Attempt.count(as(role), "select count(secret_ciphertext) from public.org_credentials").refused()).as(role).isTrue();
            assertThat(Attempt.count(as(role), "select count(*) from (select * from public.org_credentials) c").refused()).as(role).isTrue();
            assertThat(Attempt.count(as(role), "select count(*) from voxconsole.change_channel_secret").refused()).as(role).isTrue();
            assertThat(Attempt.count(as(role), "select count(*) from voxconsole.console_logins").refused()).as(role).isTrue();
        }
        assertThat(Attempt.count(as("admin"), "select count(label) from public.org_credentials").rows()).isPositive();
    }

    @Test
    void setConfigAndSetRoleTricksDoNotWidenAccess() {
        UUID brightside = TestWorkspace.orgId("Brightside Physiotherapy");
        String foreignCalls = "select count(*) from public.calls where org_id = '" + brightside + "'";
        assertThat(Attempt.run(as("user"), h -> {
            h.execute("select set_config('request.jwt.claims', ?, false)", "{\"org_id\": \"" + brightside + "\", \"role\": \"admin\"}");
            h.execute("select set_config('app.current_org_id', ?, false)", brightside.toString());
            return h.createQuery(foreignCalls).mapTo(Integer.class).one();
        }).rows()).isZero();
        assertThat(Attempt.update(as("user"), "set role vox_admin").refused()).isTrue();
        assertThat(Attempt.update(as("user"), "set role demo_brightside_admin").refused()).isTrue();
        assertThat(Attempt.update(as("user"), "set session authorization demo_brightside_admin").refused()).isTrue();
        assertThat(Attempt.update(as("user"), "set role postgres").refused()).isTrue();
        assertThat(Attempt.run(as("admin"), h -> {
            h.execute("set local role vox_user");
            return h.createQuery(foreignCalls).mapTo(Integer.class).one();
        }).rows()).as("an admin switching to a group role still sees only its organization").isZero();
        assertThat(Attempt.run(as("user"), h -> {
            h.execute("set local row_security = off");
            return h.createQuery("select count(*) from public.calls").mapTo(Integer.class).one();
        }).refused()).as("turning row security off is refused, not obeyed").isTrue();
        assertThat(Attempt.count(as("user"), "select count(*) from voxconsole.console_logins").refused()).isTrue();
        assertThat(Attempt.update(as("admin"), "insert into voxconsole.console_logins (login_role, profile_id) select 'demo_harley_user', id from public.profiles limit 1").refused()).isTrue();
    }

    @Test
    void organizationsAndKnowledgeBaseChildrenAreScopedToo() {
        assertThat(Attempt.count(as("user"), "select count(*) from public.organizations").rows()).isEqualTo(1);
        long allChunks = TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from knowledge_base_chunks").mapTo(Long.class).one());
        Integer visibleChunks = Attempt.count(as("user"), "select count(*) from public.knowledge_base_chunks").rows();
        Integer ownChunks = Attempt.count(as("user"), """
                select count(*) from public.knowledge_base_chunks c join public.knowledge_base k on k.id = c.knowledge_base_id""").rows();
        assertThat(visibleChunks).isPositive().isEqualTo(ownChunks).isLessThan((int) allChunks);
        Integer changes = Attempt.count(as("user"), "select count(*) from public.knowledge_base_changelog").rows();
        assertThat(changes).isEqualTo(6);
    }

    @Test
    void theProfileRoleIsAuthoritativeAndSuspensionLocksOut() {
        Jdbi owner = TestWorkspace.owner();
        UUID manager = profileOf("demo_harley_manager");
        UUID user = profileOf("demo_harley_user");
        try {
            owner.useHandle(h -> h.execute("update profiles set role = 'user' where id = ?", manager));
            assertThat(Attempt.update(as("manager"), "update public.appointments set status = 'cancelled' where id = " + ownAppointment()).rows())
                    .as("a demoted manager's login loses write access at once").isZero();
            owner.useHandle(h -> h.execute("update profiles set status = 'suspended' where id = ?", user));
            assertThat(Attempt.count(as("user"), "select count(*) from public.calls").rows()).isZero();
            assertThat(TestWorkspace.as("harley", "user").jdbi().onDemand(ProfileDao.class).session()).isEmpty();
        } finally {
            owner.useHandle(h -> {
                h.execute("update profiles set role = 'manager' where id = ?", manager);
                h.execute("update profiles set status = 'active' where id = ?", user);
            });
        }
        assertThat(TestWorkspace.as("harley", "user").jdbi().onDemand(ProfileDao.class).session())
                .hasValueSatisfying(s -> assertThat(s.orgName()).isEqualTo(HARLEY));
    }

    @Test
    void noConsoleRoleIsSuperuserBypassesRlsOrCreatesRoles() {
        List<String> powerful = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select rolname from pg_roles
                        where (rolname like 'vox\\_%' or rolname in (select login_role from voxconsole.console_logins))
                          and (rolsuper or rolbypassrls or rolcreaterole or rolcreatedb or rolreplication)""")
                .mapTo(String.class).list());
        assertThat(powerful).isEmpty();
        List<String> members = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select l.login_role || ':' || string_agg(g.rolname, ',' order by g.rolname)
                        from voxconsole.console_logins l
                        join pg_roles r on r.rolname = l.login_role
                        join pg_auth_members m on m.member = r.oid
                        join pg_roles g on g.oid = m.roleid
                        group by l.login_role""").mapTo(String.class).list());
        assertThat(members).hasSize(TestWorkspace.demoLogins().size())
                .allMatch(m -> m.endsWith(":vox_admin") || m.endsWith(":vox_manager") || m.endsWith(":vox_user"),
                        "each login is a member of exactly one group role");
    }

    private static UUID profileOf(String login) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("select profile_id from voxconsole.console_logins where login_role = :l")
                .bind("l", login).mapTo(UUID.class).one());
    }
}
