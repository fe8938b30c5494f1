package com.voxanne.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.SchemaMigrator;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The demo data is deterministic and believable: the same seed gives the same rows, and what a call says agrees with its labels. */
class DemoDataGeneratorTest {

    private final Jdbi demo = TestWorkspace.owner();

    @Test
    void theSameSeedGivesIdenticalDataAndAnotherSeedDoesNot() {
        DemoOptions options = new DemoOptions(99, 400, LocalDate.of(2026, 6, 1));
        Map<String, String> first = fingerprints(generateInto(options));
        Map<String, String> second = fingerprints(generateInto(options));
        Map<String, String> other = fingerprints(generateInto(new DemoOptions(100, 400, LocalDate.of(2026, 6, 1))));
        assertThat(first).hasSize(26).isEqualTo(second);
        assertThat(other.get("calls")).isNotEqualTo(first.get("calls"));
    }

    @Test
    void nobodyInAnOrganizationSharesAnothersName() {
        // The seed the tests use gave Harley Street two people called Rosie Cox, an admin and the second manager.
        List<String> twice = demo.withHandle(h -> h.createQuery("""
                        select o.name || ': ' || p.full_name from public.profiles p join public.organizations o on o.id = p.org_id
                        group by o.name, p.full_name having count(*) > 1""").mapTo(String.class).list());
        assertThat(twice).isEmpty();
    }

    @Test
    void everyTableHasRows() {
        List<String> empty = demo.withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'flyway_schema_history'""")
                .mapTo(String.class).list().stream()
                .filter(t -> h.createQuery("select count(*) from public." + t).mapTo(Long.class).one() == 0).toList());
        assertThat(empty).isEmpty();
    }

    @Test
    void summariesAndSentimentAgreeWithTranscripts() {
        var rows = demo.withHandle(h -> h.createQuery("""
                        select transcript, summary, sentiment_label, sentiment_score, sentiment_urgency, caller_name
                        from calls where status = 'completed'""").mapToMap().list());
        assertThat(rows).hasSizeGreaterThan(1000);
        for (var r : rows) {
            String transcript = (String) r.get("transcript");
            assertThat(transcript.lines()).allMatch(l -> l.startsWith("AGENT: ") || l.startsWith("CALLER: "));
            assertThat(transcript.lines().filter(l -> l.startsWith("CALLER: "))).isNotEmpty();
            double score = ((java.math.BigDecimal) r.get("sentiment_score")).doubleValue();
            switch ((String) r.get("sentiment_label")) {
                case "positive" -> assertThat(score).isGreaterThan(0.6);
                case "negative" -> assertThat(score).isLessThan(0.4);
                default -> assertThat(score).isBetween(0.3, 0.7);
            }
            if ("critical".equals(r.get("sentiment_urgency"))) {
                assertThat(r.get("sentiment_label")).isEqualTo("negative");
            }
        }
        long refundsMentioned = rows.stream().filter(r -> ((String) r.get("summary")).contains("refund"))
                .filter(r -> ((String) r.get("transcript")).contains("refund")).count();
        assertThat(refundsMentioned).isPositive();
    }

    @Test
    void coversEveryStatusRolePlanAndTimeOfTheDomain() {
        assertThat(values("select distinct status from appointments")).containsExactlyInAnyOrder("scheduled", "completed", "cancelled", "no-show");
        assertThat(values("select distinct status from calls")).contains("completed", "failed", "pending");
        assertThat(values("select distinct role from profiles")).containsExactlyInAnyOrder("admin", "manager", "user");
        assertThat(values("select distinct status from profiles")).containsExactlyInAnyOrder("active", "inactive", "suspended");
        assertThat(values("select distinct plan from organizations")).containsExactlyInAnyOrder("starter", "professional", "enterprise");
        assertThat(values("select distinct lead_status from contacts")).containsExactlyInAnyOrder("hot", "warm", "cold", "contacted");
        assertThat(values("select distinct sentiment_urgency from calls where sentiment_urgency is not null"))
                .containsExactlyInAnyOrder("low", "medium", "high", "critical");
        assertThat(values("select distinct device_type from call_tracking")).containsExactlyInAnyOrder("mobile", "desktop", "unknown");
        LocalDate anchor = TestWorkspace.ANCHOR;
        assertThat(values("select distinct (scheduled_at >= '" + anchor + "')::text from appointments")).containsExactlyInAnyOrder("true", "false");
        Map<String, Long> perOrg = demo.withHandle(h -> h.createQuery("select o.name, count(*) from calls c join organizations o on o.id = c.org_id group by o.name")
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(perOrg).hasSize(8);
        assertThat(perOrg.get("Harley Street Dental Clinic")).as("the largest holds about a third")
                .isBetween((long) (TestWorkspace.CALLS * 0.28), (long) (TestWorkspace.CALLS * 0.40));
    }

    private List<String> values(String sql) {
        return demo.withHandle(h -> h.createQuery(sql).mapTo(String.class).list());
    }

    @Test
    void loadingInParallelStreamsGivesTheSameData() {
        DemoOptions options = new DemoOptions(99, 2_500, LocalDate.of(2026, 6, 1));
        assertThat(fingerprints(generateInto(options, 3))).as("three streams, unevenly split").isEqualTo(fingerprints(generateInto(options, 1)));
    }

    private Jdbi generateInto(DemoOptions options) {
        return generateInto(options, 1);
    }

    private Jdbi generateInto(DemoOptions options, int streams) {
        String name = "demo_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        demo.useHandle(h -> h.execute("create database " + name));
        var ws = TestWorkspace.get();
        var ds = new org.postgresql.ds.PGSimpleDataSource();
        ds.setURL("jdbc:postgresql://127.0.0.1:" + ws.port() + "/" + name);
        ds.setUser("postgres");
        ds.setPassword(superuserPassword());
        SchemaMigrator.migrate(ds);
        Jdbi jdbi = Jdbi.create(ds);
        new DemoDataGenerator(options).generateInParallel(jdbi, streams);
        return jdbi;
    }

    /**
     * One digest per table over every column the generator decides. Left out: ids and timestamps that
     * come from column defaults (gen_random_uuid(), now()) and the credential ciphertext, which is
     * encrypted with a random IV under each database's own key.
     */
    private static Map<String, String> fingerprints(Jdbi db) {
        return db.withHandle(h -> h.createQuery("""
                        select c.relname from pg_class c
                        where c.relnamespace = 'public'::regnamespace and c.relkind = 'r' and c.relname <> 'flyway_schema_history'""")
                .mapTo(String.class).list().stream()
                .collect(Collectors.toMap(t -> t, t -> h.createQuery("""
                                select coalesce(md5(string_agg(r, '|' order by r)), 'empty') from (
                                  select (to_jsonb(x) - 'id' - 'created_at' - 'updated_at' - 'secret_ciphertext' - 'key_version')::text as r
                                  from public.%s x) rows""".formatted(t))
                        .mapTo(String.class).one())));
    }

    private static String superuserPassword() {
        try {
            return com.voxanne.ops.embedded.ServerSecrets.load(TestWorkspace.get().directory().resolve("secrets.properties"))
                    .orElseThrow().superuserPassword();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
