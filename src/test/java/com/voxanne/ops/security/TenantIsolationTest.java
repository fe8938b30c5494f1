package com.voxanne.ops.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every table with org_id and every console role: a login of one organization sees none of
 * another's rows, cannot update or delete them, and cannot insert rows into another organization.
 */
class TenantIsolationTest {

    static Stream<Arguments> tablesAndRoles() {
        List<String> tables = TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
                        order by c.table_name""")
                .mapTo(String.class).list());
        assertThat(tables).as("tables with org_id").hasSize(21);
        return tables.stream().flatMap(t -> Stream.of("admin", "manager", "user").map(r -> Arguments.of(t, r)));
    }

    @ParameterizedTest(name = "{1} of one organization cannot reach another''s {0}")
    @MethodSource("tablesAndRoles")
    void loginOfOneOrganizationCannotReachAnothersRows(String table, String role) {
        Jdbi login = TestWorkspace.as("harley", role).jdbi();
        UUID own = TestWorkspace.orgId("Harley Street Dental Clinic");
        UUID other = TestWorkspace.orgId("Brightside Physiotherapy");
        String othersRows = "org_id is distinct from '" + own + "'";
        long othersBefore = ownerCount(table, othersRows);
        assertThat(othersBefore).as("the demo data gives %s rows of other organizations to attack", table).isPositive();

        Attempt read = Attempt.count(login, "select count(*) from public." + table + " where " + othersRows);
        assertThat(read.touchedNothing()).as("read %s: %s", table, read).isTrue();

        String column = updatableColumn(table, "demo_harley_" + role);
        Attempt update = Attempt.update(login, column == null
                ? "update public." + table + " set org_id = org_id where " + othersRows
                : "update public." + table + " set " + column + " = " + column + " where " + othersRows);
        assertThat(update.touchedNothing()).as("update %s: %s", table, update).isTrue();

        Attempt delete = Attempt.update(login, "delete from public." + table + " where " + othersRows);
        assertThat(delete.touchedNothing()).as("delete %s: %s", table, delete).isTrue();

        Attempt insert = Attempt.update(login, foreignInsert(table, other));
        assertThat(insert.refused()).as("insert into another organization's %s: %s", table, insert).isTrue();

        assertThat(ownerCount(table, othersRows)).isEqualTo(othersBefore);
    }

    /** A complete, valid row for the tables an admin may insert into; a bare org_id for the rest (refused before any NOT NULL check). */
    private static String foreignInsert(String table, UUID otherOrg) {
        return switch (table) {
            case "org_tools" -> "insert into public.org_tools (org_id, tool_name, enabled) values ('" + otherOrg + "', 'intruder', true)";
            case "org_feature_flags" -> "insert into public.org_feature_flags (org_id, feature_flag_id, enabled) "
                    + "select '" + otherOrg + "', id, true from public.feature_flags order by name limit 1";
            case "escalation_rules" -> "insert into public.escalation_rules (org_id, name, trigger_type, threshold, action) "
                    + "values ('" + otherOrg + "', 'intruder', 'sentiment_below', 0.5, 'notify')";
            default -> "insert into public." + table + " (org_id) values ('" + otherOrg + "')";
        };
    }

    private static long ownerCount(String table, String where) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("select count(*) from public." + table + " where " + where)
                .mapTo(Long.class).one());
    }

    private static String updatableColumn(String table, String loginRole) {
        return TestWorkspace.owner().withHandle(h -> h.createQuery("""
                        select column_name from information_schema.columns
                        where table_schema = 'public' and table_name = :t
                          and has_column_privilege(cast(:r as name), 'public.' || table_name, column_name, 'UPDATE')
                        order by ordinal_position limit 1""")
                .bind("t", table).bind("r", loginRole).mapTo(String.class).findOne().orElse(null));
    }
}
