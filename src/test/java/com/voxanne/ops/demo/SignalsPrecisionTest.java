package com.voxanne.ops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.demo.SignalsGroundTruth.Kind;
import com.voxanne.ops.embedded.EmbeddedServer;
import com.voxanne.ops.signals.FlaggedCall;
import com.voxanne.ops.signals.SignalKind;
import com.voxanne.ops.signals.SignalService;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 16's measure: on the whole demo as a supervisor first sees it (the default 20,000 calls,
 * eight organizations), every kind of signal the database finds is compared with what the
 * generator meant ({@link SignalsGroundTruth}); precision and recall must be at least 0.95 for
 * each kind. The figures are printed for the README.
 */
class SignalsPrecisionTest {

    private static EmbeddedServer server;
    private static DemoOptions options;
    private static Instant asOf;

    @BeforeAll
    static void demo() {
        options = new DemoOptions(DemoOptions.DEFAULT_SEED, DemoOptions.DEFAULT_CALLS, TestWorkspace.ANCHOR);
        server = EmbeddedServer.start(TestWorkspace.root().resolve("signals-" + UUID.randomUUID()), 0, options);
        // Three days after the history ends: every call's 24- and 48-hour windows have closed.
        asOf = TestWorkspace.ANCHOR.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofDays(3));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void everyKindIsFoundWithPrecisionAndRecallOfAtLeast095() {
        Jdbi owner = Jdbi.create(server.ownerDataSource()).installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin())
                .installPlugin(new org.jdbi.v3.postgres.PostgresPlugin());
        List<UUID> orgs = owner.withHandle(h -> h.createQuery("select id from organizations").mapTo(UUID.class).list());
        Map<Kind, Set<UUID>> found = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) {
            found.put(k, new HashSet<>());
        }
        SignalService signals = new SignalService(owner);
        Instant from = asOf.minus(Duration.ofDays(400));
        for (UUID org : orgs) {
            for (FlaggedCall call : signals.flagged(org, from, asOf, Set.of(), asOf)) {
                call.signals().forEach(s -> found.get(Kind.valueOf(s.kind().key())).add(call.callId()));
            }
        }
        Map<Kind, Set<UUID>> meant = SignalsGroundTruth.expected(options, asOf);

        StringBuilder table = new StringBuilder("| Signal | Meant | Found | Precision | Recall |\n|---|---:|---:|---:|---:|\n");
        for (Kind k : Kind.values()) {
            Set<UUID> right = new HashSet<>(found.get(k));
            right.retainAll(meant.get(k));
            double precision = found.get(k).isEmpty() ? 0 : (double) right.size() / found.get(k).size();
            double recall = meant.get(k).isEmpty() ? 0 : (double) right.size() / meant.get(k).size();
            table.append(String.format(java.util.Locale.ROOT, "| `%s` | %d | %d | %.3f | %.3f |%n", k, meant.get(k).size(),
                    found.get(k).size(), precision, recall));
        }
        Map<Kind, Set<UUID>> near = SignalsGroundTruth.nearMisses(options);
        table.append("\nNear misses planted (must not be flagged):");
        near.forEach((k, ids) -> table.append(" ").append(k).append(" ").append(ids.size()).append(";"));
        System.out.println("Signals on the demo (" + options.calls() + " calls):\n" + table);
        near.forEach((k, ids) -> {
            assertThat(ids.size()).as("near misses of %s planted", k).isGreaterThanOrEqualTo(20);
            Set<UUID> flagged = new HashSet<>(ids);
            flagged.retainAll(found.get(k));
            flagged.removeAll(meant.get(k));
            assertThat(flagged).as("near misses of %s taken for it", k).isEmpty();
        });
        for (Kind k : Kind.values()) {
            Set<UUID> right = new HashSet<>(found.get(k));
            right.retainAll(meant.get(k));
            assertThat(meant.get(k).size()).as("the demo plants %s often enough to measure", k).isGreaterThanOrEqualTo(20);
            assertThat((double) right.size() / found.get(k).size()).as("precision of %s%n%s", k, table).isGreaterThanOrEqualTo(0.95);
            assertThat((double) right.size() / meant.get(k).size()).as("recall of %s%n%s", k, table).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void aManagerUnderRowLevelSecurityGetsTheOwnersAnswerForTheirOrganizationAndNothingElse() {
        EmbeddedServer.DemoLogin login = server.demoLogins().stream().filter(l -> l.loginRole().equals("demo_harley_manager")).findFirst()
                .orElseThrow();
        Jdbi owner = Jdbi.create(server.ownerDataSource()).installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin())
                .installPlugin(new org.jdbi.v3.postgres.PostgresPlugin());
        UUID harley = owner.withHandle(h -> h.createQuery("select id from organizations where name = 'Harley Street Dental Clinic'")
                .mapTo(UUID.class).one());
        UUID other = owner.withHandle(h -> h.createQuery("select id from organizations where name = 'Brightside Physiotherapy'")
                .mapTo(UUID.class).one());
        Instant from = asOf.minus(Duration.ofDays(30));
        try (ConsoleDatabase manager = ConsoleDatabase.open(new ConnectionSettings(server.jdbcUrl(), login.loginRole()),
                login.password().toCharArray(), "signals-test")) {
            SignalService asManager = new SignalService(manager.jdbi());
            List<FlaggedCall> mine = asManager.flagged(harley, from, asOf, Set.of(), asOf);
            assertThat(mine).isNotEmpty().isEqualTo(new SignalService(owner).flagged(harley, from, asOf, Set.of(), asOf));
            assertThat(new SignalService(owner).flagged(other, from, asOf, Set.of(), asOf)).as("the other organization has signals").isNotEmpty();
            assertThat(asManager.flagged(other, from, asOf, Set.of(), asOf)).as("row-level security hides them").isEmpty();
            assertThat(asManager.flagged(harley, from, asOf, Set.of(SignalKind.DROPPED), asOf))
                    .isNotEmpty().allSatisfy(c -> assertThat(c.signals()).extracting(s -> s.kind()).containsOnly(SignalKind.DROPPED));
        }
    }
}
