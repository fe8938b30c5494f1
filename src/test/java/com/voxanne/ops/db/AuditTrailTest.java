package com.voxanne.ops.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.security.Attempt;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Every write to a table a console may change lands in the console's audit trail (voxconsole.audit_trail) through the database, whoever makes it. */
class AuditTrailTest {

    private static final UUID HARLEY = TestWorkspace.orgId("Harley Street Dental Clinic");
    private static final ObjectMapper JSON = new ObjectMapper();

    private record AuditRow(String actorLogin, String action, String entity, UUID entityId, JsonNode details) {
    }

    private static List<AuditRow> auditOf(UUID entityId) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery(
                        "select actor_login, action, entity, entity_id, details::text from voxconsole.audit_trail where entity_id = :id order by created_at, id")
                .bind("id", entityId)
                .map((rs, ctx) -> {
                    try {
                        return new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, UUID.class), JSON.readTree(rs.getString(5)));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }).list());
    }

    private static UUID profileOf(String login) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("select profile_id from voxconsole.console_logins where login_role = :l")
                .bind("l", login).mapTo(UUID.class).one());
    }

    @Test
    void aConsoleWriteRecordsTheLoginTheProfileAndOnlyTheChangedColumns() {
        Jdbi manager = TestWorkspace.as("harley", "manager").jdbi();
        UUID id = manager.withHandle(h -> h.createQuery("select id from appointments where status = 'scheduled' order by scheduled_at desc limit 1")
                .mapTo(UUID.class).one());
        String before = manager.withHandle(h -> h.createQuery("select coalesce(notes, '') from appointments where id = :id").bind("id", id)
                .mapTo(String.class).one());
        manager.useHandle(h -> h.createUpdate("update appointments set notes = :n where id = :id").bind("n", before + " Audit test.").bind("id", id).execute());

        AuditRow row = auditOf(id).get(auditOf(id).size() - 1);
        assertThat(row.actorLogin()).isEqualTo("demo_harley_manager");
        assertThat(row.action()).isEqualTo("update");
        assertThat(row.entity()).isEqualTo("appointments");
        assertThat(row.details().path("profile_id").asText()).isEqualTo(profileOf("demo_harley_manager").toString());
        assertThat(row.details().path("new").fieldNames()).toIterable().containsExactly("notes");
        assertThat(row.details().path("old").path("notes").asText("")).isEqualTo(before.isEmpty() ? "" : before);
        assertThat(row.details().path("new").path("notes").asText()).isEqualTo(before + " Audit test.");
    }

    @Test
    void aWriteMadeOutsideTheConsoleIsAuditedTooAndANoOpIsNot() {
        Jdbi owner = TestWorkspace.owner();
        UUID contact = owner.withHandle(h -> h.createQuery("select id from contacts where org_id = :o order by id limit 1").bind("o", HARLEY)
                .mapTo(UUID.class).one());
        int before = auditOf(contact).size();
        owner.useHandle(h -> h.createUpdate("update contacts set lead_score = coalesce(lead_score, 0) % 100 + 1 where id = :id").bind("id", contact).execute());
        owner.useHandle(h -> h.createUpdate("update contacts set updated_at = now() where id = :id").bind("id", contact).execute());
        List<AuditRow> rows = auditOf(contact);
        assertThat(rows).as("one row for the real change, none for the touch").hasSize(before + 1);
        AuditRow row = rows.get(rows.size() - 1);
        assertThat(row.actorLogin()).isEqualTo(owner.withHandle(h -> h.createQuery("select session_user::text").mapTo(String.class).one()));
        assertThat(row.details().path("profile_id").isNull()).as("no console profile behind the platform's write").isTrue();
        assertThat(row.details().path("new").fieldNames()).toIterable().containsExactly("lead_score");
    }

    @Test
    void insertsAndDeletesOfEveryAuditedTableAreRecorded() {
        Jdbi admin = TestWorkspace.as("harley", "admin").jdbi();
        UUID tool = admin.withHandle(h -> h.createQuery(
                "insert into org_tools (org_id, tool_name, enabled) values (voxconsole.current_org_id(), 'audit_test_tool', true) returning id")
                .mapTo(UUID.class).one());
        admin.useHandle(h -> h.createUpdate("delete from org_tools where id = :id").bind("id", tool).execute());
        assertThat(auditOf(tool)).extracting(AuditRow::action).containsExactly("insert", "delete");
        assertThat(auditOf(tool).get(0).details().path("new").path("tool_name").asText()).isEqualTo("audit_test_tool");
        assertThat(auditOf(tool).get(1).details().path("old").path("tool_name").asText()).isEqualTo("audit_test_tool");

        // One real change on each table a console writes, made by the owner and put back: each leaves its row.
        Map<String, String> change = Map.of(
                "appointments", "location = coalesce(location, '') || '.'",
                "contacts", "notes = coalesce(notes, '') || '.'",
                "hot_lead_alerts", "reason = reason || '.'",
                "profiles", "full_name = coalesce(full_name, '') || '.'",
                "org_tools", "enabled = not enabled",
                "org_feature_flags", "notes = coalesce(notes, '') || '.'",
                "escalation_rules", "name = name || '.'");
        for (var table : change.entrySet()) {
            UUID id = TestWorkspace.owner().withHandle(h -> h.createQuery("select id from " + table.getKey() + " where org_id = :o limit 1")
                    .bind("o", HARLEY).mapTo(UUID.class).one());
            int before = auditOf(id).size();
            TestWorkspace.owner().useHandle(h -> h.createUpdate("update " + table.getKey() + " set " + table.getValue() + " where id = :id")
                    .bind("id", id).execute());
            assertThat(auditOf(id)).as(table.getKey()).hasSize(before + 1).last().satisfies(r -> assertThat(r.entity()).isEqualTo(table.getKey()));
        }
        TestWorkspace.owner().useHandle(h -> {
            h.execute("update org_tools set enabled = not enabled where org_id = '" + HARLEY + "' and id = (select id from org_tools where org_id = '"
                    + HARLEY + "' limit 1)");
        });
    }

    @Test
    void noConsoleRoleCanWriteOrEraseTheTrail() {
        for (String role : List.of("user", "manager", "admin")) {
            Jdbi db = TestWorkspace.as("harley", role).jdbi();
            assertThat(Attempt.update(db, "insert into voxconsole.audit_trail (org_id, action, entity) values (voxconsole.current_org_id(), 'update', 'calls')").refused())
                    .as(role + " inserting").isTrue();
            assertThat(Attempt.update(db, "delete from voxconsole.audit_trail").touchedNothing()).as(role + " deleting").isTrue();
            assertThat(Attempt.update(db, "update voxconsole.audit_trail set actor_login = 'someone_else'").touchedNothing()).as(role + " rewriting").isTrue();
            assertThat(Attempt.update(db, "select voxconsole.set_change_tracking(false)").refused()).as(role + " switching auditing off").isTrue();
            assertThat(Attempt.update(db, "alter table appointments disable trigger appointments_audit").refused())
                    .as(role + " disabling the trigger").isTrue();
        }
    }
}
