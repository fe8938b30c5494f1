package com.voxanne.ops.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The migrated schema, read back from the catalog, against the SSOT's own text. */
class SchemaMatchesSsotTest {

    /** Columns the schema adds to the SSOT: none, the console keeps its own state in its own schema (docs/schema.md). */
    private static final Map<String, Set<String>> ADDED_COLUMNS = Map.of();
    private static final Map<String, String> SQL_TYPES = Map.of(
            "uuid", "uuid", "text", "text", "integer", "integer", "numeric", "numeric",
            "timestamp", "timestamp with time zone", "jsonb", "jsonb", "boolean", "boolean");

    private static SsotSchema ssot;
    private static Jdbi db;

    @BeforeAll
    static void read() throws Exception {
        ssot = SsotSchema.read();
        db = TestWorkspace.owner();
    }

    static List<String> productionTables() throws Exception {
        return SsotSchema.read().tables().values().stream().filter(SsotSchema.Table::describedColumnByColumn)
                .map(SsotSchema.Table::name).toList();
    }

    static List<String> configurationTables() throws Exception {
        return SsotSchema.read().tables().values().stream().filter(t -> !t.describedColumnByColumn())
                .map(SsotSchema.Table::name).toList();
    }

    @Test
    void hasExactlyTheTwentySixTablesOfTheSsot() {
        assertThat(ssot.tables()).hasSize(26);
        assertThat(productionTablesSafe()).hasSize(9);
        List<String> actual = db.withHandle(h -> h.createQuery("""
                        select table_name from information_schema.tables
                        where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'""")
                .mapTo(String.class).list());
        assertThat(actual).containsExactlyInAnyOrderElementsOf(ssot.tables().keySet());
    }

    @ParameterizedTest
    @MethodSource("productionTables")
    void productionTableHasTheSsotColumnsTypesAndNullability(String table) {
        var expected = ssot.tables().get(table);
        var actual = columns(table);
        Set<String> expectedNames = expected.columns().stream().map(SsotSchema.Column::name).collect(Collectors.toSet());
        Set<String> extra = actual.keySet().stream().filter(c -> !expectedNames.contains(c)).collect(Collectors.toSet());
        assertThat(extra).as("columns beyond the SSOT").isEqualTo(ADDED_COLUMNS.getOrDefault(table, Set.of()));
        for (var column : expected.columns()) {
            assertThat(actual).as("%s.%s exists", table, column.name()).containsKey(column.name());
            var a = actual.get(column.name());
            assertThat(a.type()).as("%s.%s type", table, column.name()).isEqualTo(SQL_TYPES.get(column.type()));
            assertThat(a.nullable()).as("%s.%s nullable", table, column.name()).isEqualTo(column.nullable());
        }
    }

    @ParameterizedTest
    @MethodSource("configurationTables")
    void configurationTableHasTheSsotColumnCount(String table) {
        assertThat(columns(table)).as(table).hasSize(ssot.tables().get(table).columnCount());
    }

    @ParameterizedTest
    @MethodSource("productionTables")
    void primaryAndForeignKeysAreTheSsotOnes(String table) {
        var expected = ssot.tables().get(table);
        List<String> pk = db.withHandle(h -> h.createQuery("""
                        select a.attname from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                        where c.conrelid = cast(:t as regclass) and c.contype = 'p'""")
                .bind("t", "public." + table).mapTo(String.class).list());
        assertThat(pk).containsExactly(expected.primaryKey());
        // Composite (org_id, x) keys count: they hold the SSOT's key and also keep it inside one organization.
        List<String> fks = db.withHandle(h -> h.createQuery("""
                        select a.attname || ' -> ' || c.confrelid::regclass::text from pg_constraint c
                        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
                        where c.conrelid = cast(:t as regclass) and c.contype = 'f'""")
                .bind("t", "public." + table).mapTo(String.class).list());
        for (var fk : expected.foreignKeys()) {
            assertThat(fks).as("%s.%s references %s", table, fk.column(), fk.targetTable())
                    .contains(fk.column() + " -> " + fk.targetTable());
        }
    }

    @ParameterizedTest
    @MethodSource("productionTables")
    void everySsotIndexHasAnIndexLedByItOrByOrgIdAndIt(String table) {
        List<String> leading = db.withHandle(h -> h.createQuery("""
                        select string_agg(regexp_replace(pg_get_indexdef(i.indexrelid, k.ord::int, true), '^lower\\((\\w+)(::\\w+)?\\)$', '\\1'),
                                          ',' order by k.ord)
                        from pg_index i
                        cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                        where i.indrelid = cast(:t as regclass) and k.ord <= 2
                        group by i.indexrelid""")
                .bind("t", "public." + table).mapTo(String.class).list());
        for (String column : ssot.tables().get(table).indexes()) {
            assertThat(leading).as("%s has an index led by %s (or by org_id, %s)", table, column, column)
                    .anyMatch(ix -> ix.equals(column) || ix.startsWith(column + ",") || ix.equals("org_id," + column)
                            || (column.equals("org_id") && ix.startsWith("org_id")));
        }
    }

    @Test
    void everyTimestampIsTimestamptzAndEveryIdDefaultsToARandomUuid() {
        List<String> naive = db.withHandle(h -> h.createQuery("""
                        select table_name || '.' || column_name from information_schema.columns
                        where table_schema = 'public' and data_type = 'timestamp without time zone'
                          and table_name <> 'flyway_schema_history'""").mapTo(String.class).list());
        assertThat(naive).isEmpty();
        List<String> ids = db.withHandle(h -> h.createQuery("""
                        select c.table_name || ' ' || coalesce(c.column_default, 'none') from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = 'public' and c.column_name = 'id' and t.table_type = 'BASE TABLE'
                          and c.table_name <> 'flyway_schema_history'""").mapTo(String.class).list());
        assertThat(ids).hasSize(26).allMatch(s -> s.endsWith("gen_random_uuid()"), "defaults to gen_random_uuid()");
    }

    @Test
    void everyValueSetAndFormatOfTheSsotIsARuleTheDryRunReports() {
        List<String> reported = com.voxanne.ops.adoption.DataRule.ALL.stream().map(r -> r.table() + "." + r.rule().split(" ")[0]).toList();
        assertThat(reported).contains(
                "calls.call_direction", "calls.status", "calls.sentiment_label", "calls.sentiment_urgency", "calls.sentiment_score",
                "calls.from_number", "calls.to_number", "contacts.lead_status", "contacts.lead_score", "contacts.phone", "contacts.email",
                "organizations.plan", "organizations.telephony_mode", "profiles.role", "profiles.status", "profiles.email",
                "appointments.status", "call_tracking.device_type");
        List<String> judged = db.withHandle(h -> h.createQuery("""
                        select c.relname from pg_trigger t join pg_class c on c.oid = t.tgrelid
                        where t.tgname = 'voxconsole_rules' order by 1""").mapTo(String.class).list());
        assertThat(judged).as("the tables consoles write, whose writes the console's rules judge")
                .containsExactly("appointments", "contacts", "org_tools", "profiles");
    }

    @Test
    void updatedAtIsMaintainedByATriggerOnEveryTableThatHasIt() {
        List<String> missing = db.withHandle(h -> h.createQuery("""
                        select c.table_name from information_schema.columns c
                        join information_schema.tables t using (table_schema, table_name)
                        where c.table_schema = 'public' and c.column_name = 'updated_at' and t.table_type = 'BASE TABLE'
                          and not exists (select 1 from pg_trigger g where g.tgrelid = ('public.' || c.table_name)::regclass
                                          and g.tgname = 'voxconsole_touch_updated_at')""").mapTo(String.class).list());
        assertThat(missing).isEmpty();
        var before = db.withHandle(h -> h.createQuery("select updated_at from organizations order by id limit 1").mapTo(java.time.OffsetDateTime.class).one());
        var after = db.inTransaction(h -> {
            h.execute("update organizations set website = website, updated_at = '2000-01-01' where id = (select id from organizations order by id limit 1)");
            return h.createQuery("select updated_at from organizations order by id limit 1").mapTo(java.time.OffsetDateTime.class).one();
        });
        assertThat(after).as("a client cannot forge updated_at").isAfter(before);
    }

    @Test
    void rowLevelSecurityIsEnabledOnEveryTable() {
        List<String> unprotected = db.withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'flyway_schema_history'
                          and not c.relrowsecurity""").mapTo(String.class).list());
        assertThat(unprotected).isEmpty();
    }

    @Test
    void callsHaveAFullTextIndexAndAKeysetIndexForTheCallLog() {
        List<String> defs = db.withHandle(h -> h.createQuery("select indexdef from pg_indexes where tablename = 'calls'").mapTo(String.class).list());
        List<String> documents = db.withHandle(h -> h.createQuery("select indexdef from pg_indexes where schemaname = 'voxconsole'"
                + " and tablename = 'call_documents'").mapTo(String.class).list());
        assertThat(documents).as("the console's own search documents, not a column of calls").anyMatch(d -> d.contains("USING gin (document)"));
        assertThat(defs).anyMatch(d -> d.contains("(org_id, created_at DESC, id DESC)"));
    }

    private List<String> productionTablesSafe() {
        return ssot.tables().values().stream().filter(SsotSchema.Table::describedColumnByColumn).map(SsotSchema.Table::name).toList();
    }

    private record ActualColumn(String type, boolean nullable) {
    }

    private Map<String, ActualColumn> columns(String table) {
        return db.withHandle(h -> h.createQuery("""
                        select column_name, data_type, is_nullable = 'YES' as nullable from information_schema.columns
                        where table_schema = 'public' and table_name = :t""")
                .bind("t", table)
                .map((rs, ctx) -> Map.entry(rs.getString(1), new ActualColumn(rs.getString(2), rs.getBoolean(3))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }
}
