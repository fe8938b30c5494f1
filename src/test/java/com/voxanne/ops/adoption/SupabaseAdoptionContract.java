package com.voxanne.ops.adoption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voxanne.ops.TestWorkspace;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.alerts.AlertService;
import com.voxanne.ops.appointments.AppointmentService;
import com.voxanne.ops.calls.CallFilter;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.CallLogService;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.logins.ConsoleLogins;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.export.ExportService;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.offline.ReviewDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 13 on a Supabase-shaped database (SupabaseShapedServer): the dry run, adopt twice, the
 * platform's rows and the web app's path untouched, nothing of the console's reachable by the
 * API's roles, a console login that sees exactly its organization, an interrupted adopt finished
 * by a rerun, and detach leaving the schema and the rows as they were before. Run on each kind of
 * server the project tests (SupabaseAdoptionOnEmbedded17Test, SupabaseAdoptionOnDebian15Test).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SupabaseAdoptionContract {

    private static final UUID RIVERSIDE = UUID.fromString("00000000-0000-4000-8000-000000000001");
    private static final UUID HALE = UUID.fromString("00000000-0000-4000-8000-000000000002");

    private SupabaseShapedServer server;
    private List<String> schemaBefore;
    private List<String> rowsBefore;
    private Optional<String> dumpBefore;
    private List<String> advisorBefore;

    /** The same fixture on each kind of server this project tests. */
    abstract SupabaseShapedServer startServer();

    @BeforeAll
    void start() throws Exception {
        server = startServer();
        schemaBefore = CatalogSnapshot.of(server.superuser());
        rowsBefore = CatalogSnapshot.rowFingerprints(server.superuser());
        dumpBefore = schemaDump();
        advisorBefore = AdvisorFindings.of(server.superuser());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** pg_dump --schema-only of the platform's database, where the server's own pg_dump is at hand. */
    private Optional<String> schemaDump() throws Exception {
        if (server.binaries().isEmpty()) {
            return Optional.empty();
        }
        Process p = new ProcessBuilder(server.binaries().get().resolve("pg_dump").toString(), "--schema-only", "-h", "127.0.0.1",
                "-p", Integer.toString(server.port()), "-U", "supabase_admin", SupabaseShapedServer.DATABASE)
                .redirectErrorStream(true).start();
        String dump = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(dump).isZero();
        // pg_dump frames its output with a random \restrict key, new each time.
        return Optional.of(dump.lines().filter(l -> !l.startsWith("\\restrict ") && !l.startsWith("\\unrestrict "))
                .collect(java.util.stream.Collectors.joining("\n")));
    }

    @Test
    @Order(1)
    void theDryRunReportsWhatItFindsAndChangesNothing() throws Exception {
        AdoptionCheck.Report report = AdoptionCheck.run(server.owner());

        assertThat(report.blockers()).isEmpty();
        assertThat(report.lines()).contains("Connected as postgres.",
                "Tables: 25 of the platform's 26 exist; missing configuration tables (the console does without them): knowledge_base_changelog.",
                "pgcrypto is installed in schema extensions; the console uses it there.",
                "Configuration tables: the console reads the columns that exist and leaves out the rest:",
                "  agents: shown without voice_id, model_name, business_hours.",
                "  escalation_rules: shown without target.",
                "  hot_lead_alerts: shown without contact_id, lead_score.");
        assertThat(report.lines()).anyMatch(l -> l.startsWith("Index voxconsole_hot_lead_alerts_contact_id_idx is left out (column \"contact_id\" does not exist)"));
        assertThat(report.lines()).anyMatch(l -> l.startsWith("  calls: every column the console reads is there"));
        assertThat(report.violations()).extracting(v -> v.rule().table() + ": " + v.rule().rule() + " = " + v.count()).contains(
                "contacts: phone in E.164 form = 1", "contacts: email a valid e-mail address = 1",
                "contacts: one contact per phone number in an organization = 2", "calls: from_number in E.164 form = 8",
                "calls: sentiment_urgency one of low, medium, high, critical = 1", "organizations: phone in E.164 form = 1",
                "organizations: email a valid e-mail address = 1");
        var phones = report.violations().stream().filter(v -> v.rule().rule().equals("phone in E.164 form") && v.rule().table().equals("contacts"))
                .findFirst().orElseThrow();
        assertThat(phones.examples()).containsExactly("00000000-0000-4000-8000-000000002007");
        assertThat(report.wouldAdd()).anyMatch(a -> a.startsWith("schema voxconsole"))
                .anyMatch(a -> a.equals("migration V1 console schema roles and sessions"))
                .anyMatch(a -> a.startsWith("index voxconsole_calls_org_id_created_at_id_idx on public.calls"))
                .noneMatch(a -> a.contains("pgcrypto"));

        assertThat(CatalogSnapshot.of(server.superuser())).as("the schema after the dry run").isEqualTo(schemaBefore);
        assertThat(CatalogSnapshot.rowFingerprints(server.superuser())).isEqualTo(rowsBefore);
        assertThat(schemaDump()).as("pg_dump --schema-only after the dry run").isEqualTo(dumpBefore);
    }

    @Test
    @Order(2)
    void aBlockerIsOneSentence() throws SQLException {
        try (Connection c = server.superuser().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("alter table public.calls rename column transcript to transcript_text");
            // The check runs on its own connection: show it the change by committing, then undo.
            c.commit();
            try {
                var report = AdoptionCheck.run(server.owner());
                assertThat(report.firstBlocker()).hasValue("public.calls has no column transcript, which the console reads.");
            } finally {
                s.execute("alter table public.calls rename column transcript_text to transcript");
                c.commit();
            }
        }
        assertThat(CatalogSnapshot.of(server.superuser())).isEqualTo(schemaBefore);
    }

    @Test
    @Order(3)
    void adoptIsAdditiveAndASecondRunChangesNothing() throws SQLException {
        var first = SchemaMigrator.adopt(server.owner(), name -> { });
        assertThat(first.migrationsApplied()).isEqualTo(SchemaMigrator.latestVersion());
        assertThat(first.indexes().built()).isPositive();
        List<String> afterFirst = CatalogSnapshot.of(server.superuser());

        var second = SchemaMigrator.adopt(server.owner(), name -> { });
        assertThat(second.migrationsApplied()).isZero();
        assertThat(second.indexes().built()).isZero();
        assertThat(second.indexes().present()).isEqualTo(first.indexes().built() + first.indexes().present());
        assertThat(CatalogSnapshot.of(server.superuser())).as("the schema after a second adopt").isEqualTo(afterFirst);

        assertThat(CatalogSnapshot.rowFingerprints(server.superuser())).as("every platform row").isEqualTo(rowsBefore);
        // Only additions: every line of the platform's schema is still there, word for word.
        assertThat(withoutConsoleGrants(afterFirst)).containsAll(schemaBefore.stream()
                .filter(l -> !l.startsWith("role ") && !l.startsWith("member ")).toList());
        List<String> newInPublic = afterFirst.stream().filter(l -> l.startsWith("rel public.")).map(l -> l.substring(0, l.indexOf(" owner=")))
                .filter(l -> schemaBefore.stream().noneMatch(b -> b.startsWith(l + " owner="))).toList();
        assertThat(newInPublic).as("relations adopt added to public: indexes only").isNotEmpty()
                .allMatch(l -> l.startsWith("rel public.voxconsole_") && l.endsWith(" kind=i"));
        assertThat(afterFirst).noneMatch(l -> l.startsWith("function public."));
        assertThat(AdoptionCheck.run(server.owner()).wouldAdd()).isEmpty();
        assertThat(count(server.superuser(), "select count(*) from voxconsole.call_documents")).as("every call's search document")
                .isEqualTo(count(server.superuser(), "select count(*) from public.calls"));
        // The fixture's web app has its own index on hot_lead_alerts (call_id): the console uses it.
        assertThat(afterFirst).noneMatch(l -> l.startsWith("index CREATE INDEX voxconsole_hot_lead_alerts_call_id_idx"));
        assertThat(AdvisorFindings.of(server.superuser())).as("what Supabase's advisors would report after adopt").isEqualTo(advisorBefore);
    }

    @Test
    @Order(4)
    void theApiRolesReachNothingOfTheConsoles() throws SQLException {
        for (String role : List.of("anon", "authenticated", "service_role")) {
            try (Connection c = server.authenticator().getConnection(); Statement s = c.createStatement()) {
                s.execute("set role " + role);
                assertThat(bool(s, "select has_schema_privilege('voxconsole', 'usage')")).as(role + " on schema voxconsole").isFalse();
                assertThat(count(s, """
                        select count(*) from pg_proc p where p.pronamespace = 'voxconsole'::regnamespace
                          and has_function_privilege(p.oid, 'execute')""")).as(role + " executing console functions").isZero();
                assertThat(count(s, """
                        select count(*) from pg_class c where c.relnamespace = 'voxconsole'::regnamespace and c.relkind in ('r', 'v')
                          and (has_table_privilege(c.oid, 'select') or has_table_privilege(c.oid, 'insert')
                               or has_table_privilege(c.oid, 'update') or has_table_privilege(c.oid, 'delete')
                               or has_table_privilege(c.oid, 'truncate'))""")).as(role + " on console tables").isZero();
            }
        }
    }

    @Test
    @Order(5)
    void theWebAppReadsAndWritesAsBefore() throws SQLException {
        String member = "00000000-0000-4000-8000-000000000102"; // a manager of Riverside
        try (Connection c = server.authenticator().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local role authenticated");
            s.execute("select set_config('request.jwt.claims', '{\"sub\": \"" + member + "\"}', true)");
            assertThat(count(s, "select count(*) from public.calls")).isEqualTo(100);
            assertThat(count(s, "select count(*) from public.calls where org_id <> '" + RIVERSIDE + "'")).isZero();
            // Values the console would never write itself still go in from the web app.
            s.execute("insert into public.calls (org_id, call_direction, from_number, to_number, status, sentiment_urgency)"
                    + " values ('" + RIVERSIDE + "', 'inbound', 'anonymous', '+442071230001', 'in_progress', 'urgent')");
            s.execute("update public.contacts set phone = '07700 900123', email = 'nope' where org_id = '" + RIVERSIDE + "'");
            s.execute("insert into public.hot_lead_alerts (org_id, reason) values ('" + RIVERSIDE + "', 'From the web app')");

            c.rollback();

            // The console's search follows the web app's own writes: its trigger keeps the documents.
            String parcels = "select count(*) from voxconsole.call_documents where document @@ websearch_to_tsquery('english', 'parcel')";
            s.execute("set local role authenticated");
            s.execute("select set_config('request.jwt.claims', '{\"sub\": \"" + member + "\"}', true)");
            s.execute("insert into public.calls (id, org_id, call_direction, from_number, to_number, status, transcript) values"
                    + " ('00000000-0000-4000-8000-0000009999aa', '" + RIVERSIDE + "', 'inbound', '+447700900555', '+442071230001',"
                    + " 'completed', 'Caller: my parcel never came.')");
            c.commit();
            assertThat(count(server.superuser(), parcels)).isEqualTo(1);
            s.execute("set local role authenticated");
            s.execute("select set_config('request.jwt.claims', '{\"sub\": \"" + member + "\"}', true)");
            s.execute("delete from public.calls where id = '00000000-0000-4000-8000-0000009999aa'");
            c.commit();
            assertThat(count(server.superuser(), parcels)).isZero();

            s.execute("set local role service_role");
            assertThat(count(s, "select count(*) from public.calls")).isEqualTo(300);
            c.rollback();

            s.execute("set local role anon");
            s.execute("insert into public.onboarding_submissions (email, phone, name) values ('x@y.example', '+447700900111', 'Sign Up')");
            assertThat(count(s, "select count(*) from public.feature_flags")).isEqualTo(1);
            c.rollback();
        }
        assertThat(CatalogSnapshot.rowFingerprints(server.superuser())).isEqualTo(rowsBefore);
    }

    @Test
    @Order(6)
    void aNewConsoleLoginSeesExactlyItsOrganization() throws SQLException {
        Jdbi.create(server.owner()).useHandle(h -> ConsoleLogins.create(h, "jane_hale", "person5@example.com", "jane-hale-password-1".toCharArray()));
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(server.jdbcUrl(), "jane_hale"), "jane-hale-password-1".toCharArray(), "t")) {
            Jdbi jdbi = db.jdbi();
            UUID org = jdbi.withHandle(h -> h.createQuery("select org_id from voxconsole.console_session").mapTo(UUID.class).one());
            long calls = jdbi.withHandle(h -> h.createQuery("select count(*) from public.calls").mapTo(Long.class).one());
            long contactOrgs = jdbi.withHandle(h -> h.createQuery("select count(distinct org_id) from public.contacts").mapTo(Long.class).one());
            assertThat(org).isEqualTo(HALE);
            assertThat(calls).isEqualTo(100);
            assertThat(contactOrgs).isEqualTo(1);
            var log = new CallLogService(jdbi);
            var page = log.page(CallLogQuery.firstPage(HALE, 50));
            assertThat(page).hasSize(50);
            var found = log.page(CallLogQuery.firstPage(HALE, 50).withText("refund booking"));
            assertThat(found).isNotEmpty().allMatch(call -> call.id() != null);
            long foreign = jdbi.withHandle(h -> h.createQuery("select count(*) from public.calls where org_id = :o").bind("o", RIVERSIDE)
                    .mapTo(Long.class).one());
            assertThat(foreign).isZero();
            // The console's rules bind its own writes: a supervisor cannot store a national number.
            assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update public.contacts set phone = '07700 900123'")))
                    .hasMessageContaining("phone_e164_format");
        }
    }

    @Test
    @Order(7)
    void supervisorsWorkOnTheRealRowsExportAndReviewOffline() throws Exception {
        UUID appointment = null;
        String original = null;
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(server.jdbcUrl(), "jane_hale"),
                "jane-hale-password-1".toCharArray(), "work")) {
            Jdbi jdbi = db.jdbi();
            // Alerts: the platform's hot_lead_alerts has no acknowledgement columns; the console keeps its own.
            AlertService alerts = new AlertService(jdbi, com.voxanne.ops.catalog.PlatformColumns.read(jdbi));
            var raised = alerts.since(HALE, java.time.Instant.EPOCH, new java.math.BigDecimal("0.3"), 50);
            var hotLead = raised.stream().filter(a -> a.kind() == com.voxanne.ops.alerts.Alert.Kind.HOT_LEAD).findFirst().orElseThrow();
            assertThat(alerts.acknowledge(HALE, hotLead, new java.math.BigDecimal("0.3"))).isInstanceOf(AlertService.Acknowledged.Done.class);
            assertThat(alerts.acknowledge(HALE, hotLead, new java.math.BigDecimal("0.3"))).isInstanceOf(AlertService.Acknowledged.AlreadyDone.class);

            // Signals: adopt kept the real rows' signals (as the rules find them from scratch); the login reads its organization's.
            Jdbi superuser = Jdbi.create(server.superuser());
            long notAsFound = superuser.withHandle(h -> h.createQuery("""
                    select count(*) from (select call_id, kind, evidence from voxconsole.call_signals
                                          except select call_id, kind, evidence from voxconsole.signals_of(array(select id from public.calls))) d""")
                    .mapTo(Long.class).one());
            assertThat(notAsFound).isZero();
            long keptForHale = superuser.withHandle(h -> h.createQuery("select count(*) from voxconsole.call_signals where org_id = :org and holds_from <= now()")
                    .bind("org", HALE).mapTo(Long.class).one());
            var flagged = new com.voxanne.ops.signals.SignalService(jdbi).flagged(HALE, java.time.Instant.EPOCH,
                    java.time.Instant.parse("2100-01-01T00:00:00Z"), java.util.Set.of(), java.time.Instant.now());
            assertThat(keptForHale).isPositive();
            assertThat(flagged.stream().mapToLong(f -> f.signals().size()).sum()).isEqualTo(keptForHale);

            // Appointments: an optimistic edit, and the second editor told someone else changed it.
            var service = new AppointmentService(jdbi, new com.voxanne.ops.calls.CallLogService(jdbi));
            var entry = service.between(HALE, java.time.Instant.parse("2026-11-01T00:00:00Z"), java.time.Instant.parse("2026-12-31T00:00:00Z"))
                    .get(0);
            appointment = entry.id();
            original = rowOf("appointments", appointment);
            var change = new AppointmentService.Change("completed", entry.scheduledAt(), "Seen by the console");
            assertThat(service.save(entry.id(), entry.updatedAt(), change)).isInstanceOf(com.voxanne.ops.db.SaveResult.Saved.class);
            assertThat(service.save(entry.id(), entry.updatedAt(), change)).isInstanceOf(com.voxanne.ops.db.SaveResult.Conflict.class);

            // Export, verify and offline review of the adopted database's calls.
            Path bundle = TestWorkspace.root().toAbsolutePath().resolve("adopted-" + UUID.randomUUID() + ".voxbundle");
            var exported = new ExportService(jdbi, InstallationKey.loadOrCreate(bundle.resolveSibling(bundle.getFileName() + ".key")))
                    .export(CallFilter.NONE.toQuery(HALE, java.time.ZoneId.of("Europe/London"), 500), java.util.Map.of(), false, bundle,
                            new ExportService.Origin("jane_hale", "Person 5", "Hale & Co Solicitors", HALE, server.jdbcUrl()), n -> { },
                            () -> false);
            assertThat(exported.calls()).isEqualTo(100);
            assertThat(BundleVerifier.verify(bundle, java.util.Set.of()).status()).isEqualTo(BundleVerifier.Status.VERIFIED);
            var review = ReviewDatabase.open(TestWorkspace.get(), bundle, n -> { });
            review.rest().get(60, TimeUnit.SECONDS);
            try (ConsoleDatabase offline = ConsoleDatabase.open(review.settings(), review.password(), "review")) {
                long reviewed = offline.jdbi().withHandle(h -> h.createQuery("select count(*) from calls").mapTo(Long.class).one());
                assertThat(reviewed).isEqualTo(100);
            }
        } finally {
            // The platform's row as it was, so the rows compared after detach are the platform's alone.
            if (original != null) {
                restore("appointments", appointment, original);
            }
        }
    }

    /**
     * The configuration tables in the platform's own shape (04_web_app.sql): the console reads the
     * columns that exist, leaves out the fields that do not, says in one sentence what cannot be
     * changed, and writes where it can, without the unique key the demo's table has.
     */
    @Test
    @Order(8)
    void theConfigurationIsReadThroughTheColumnsThatExist() throws Exception {
        Jdbi.create(server.owner()).useHandle(h -> ConsoleLogins.create(h, "tom_hale", "person4@example.com", "tom-hale-password-1".toCharArray()));
        try (ConsoleDatabase db = ConsoleDatabase.open(new ConnectionSettings(server.jdbcUrl(), "tom_hale"), "tom-hale-password-1".toCharArray(), "cfg")) {
            Jdbi jdbi = db.jdbi();
            var columns = db.columns();
            assertThat(columns.has("agents", "voice_provider")).isTrue();
            assertThat(columns.has("agents", "voice_id")).isFalse();
            assertThat(columns.hasTable("knowledge_base_changelog")).isFalse();

            // The setup, cached with the catalog it was read through: the agent without a voice id or model name.
            Path cacheDir = TestWorkspace.root().resolve("adopted-cache-" + UUID.randomUUID());
            var session = jdbi.onDemand(com.voxanne.ops.records.ProfileDao.class).session().orElseThrow();
            var cache = new com.voxanne.ops.setup.ReferenceCache(cacheDir, server.jdbcUrl(), session);
            var setup = new com.voxanne.ops.setup.ReferenceService(jdbi, cache, columns).refresh();
            assertThat(setup.agents()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("Reception");
                assertThat(a.voiceProvider()).isEqualTo("elevenlabs");
                assertThat(a.voiceId()).isNull();
                assertThat(a.businessHours()).isNull();
            });
            assertThat(setup.services()).singleElement().satisfies(v -> assertThat(v.pricePence()).isNull());
            assertThat(setup.escalationRules()).singleElement().satisfies(r -> assertThat(r.target()).isNull());
            assertThat(cache.load().orElseThrow().columns()).as("kept with the cache").isEqualTo(columns);

            var knowledge = new com.voxanne.ops.setup.KnowledgeBaseService(jdbi, columns);
            assertThat(knowledge.detail(UUID.randomUUID()).changes()).isEmpty();

            // Alert rules lack target: read, and not offered for change, in one sentence.
            var rules = new com.voxanne.ops.alerts.AlertRuleService(jdbi, columns);
            assertThat(rules.all()).singleElement().satisfies(r -> assertThat(r.when()).isEqualTo("sentiment below 0.2"));
            assertThat(rules.readOnlyBecause()).contains("Alert rules cannot be changed here: this database's escalation_rules table has no target column.");

            // Hot leads without a score or a contact; security events without a login; leads without an owner.
            var alerts = new AlertService(jdbi, columns).since(HALE, java.time.Instant.EPOCH, new java.math.BigDecimal("0.3"), 50);
            assertThat(alerts).anyMatch(a -> a.kind() == com.voxanne.ops.alerts.Alert.Kind.HOT_LEAD && a.leadScore() == null);
            var audit = new com.voxanne.ops.audit.AuditLogService(jdbi, columns);
            assertThat(audit.securityEvents(10)).singleElement().satisfies(e -> {
                assertThat(e.ipAddress()).isEqualTo("203.0.113.7");
                assertThat(e.loginRole()).isNull();
            });
            assertThat(new com.voxanne.ops.leads.LeadService(jdbi, columns).pipeline()).singleElement()
                    .satisfies(l -> assertThat(l.owner()).isNull());

            // A feature switched on for the office: no notes column, no unique key, so no ON CONFLICT.
            var settings = new com.voxanne.ops.admin.OrgSettingsService(jdbi, columns);
            assertThat(settings.featuresReadOnlyBecause()).isEmpty();
            var feature = settings.features().stream().filter(f -> f.name().equals("sms_confirmations")).findFirst().orElseThrow();
            UUID added = null;
            try {
                var saved = settings.setFeature(feature, false, "ignored: this table keeps no notes");
                assertThat(saved).isInstanceOf(com.voxanne.ops.db.SaveResult.Saved.class);
                var now = ((com.voxanne.ops.db.SaveResult.Saved<com.voxanne.ops.admin.OrgSettingsService.FeatureSwitch>) saved).now();
                added = now.overrideId();
                assertThat(now.effective()).isFalse();
                assertThat(settings.setFeature(feature, true, null)).as("a second admin's stale add").isInstanceOf(com.voxanne.ops.db.SaveResult.Conflict.class);
            } finally {
                if (added != null) {
                    UUID id = added;
                    Jdbi.create(server.superuser()).useHandle(h -> h.createUpdate("delete from public.org_feature_flags where id = :id")
                            .bind("id", id).execute());
                }
            }
            assertThat(new com.voxanne.ops.admin.OrgSettingsService(jdbi, columns).organization(HALE)).isPresent();

            // The live feed's catch-up reads only tables it can trace by time.
            try (var c = db.dataSource().getConnection()) {
                assertThat(com.voxanne.ops.live.ChangeFeed.traceable(c)).contains("calls", "escalation_rules", "hot_lead_alerts");
            }
        }
    }

    /** A platform row as JSON, to put back exactly (updated_at included). */
    private String rowOf(String table, UUID id) {
        return Jdbi.create(server.superuser()).withHandle(h -> h.createQuery("select to_jsonb(t)::text from public." + table + " t where id = :id")
                .bind("id", id).mapTo(String.class).one());
    }

    private void restore(String table, UUID id, String json) {
        Jdbi.create(server.superuser()).useTransaction(h -> {
            // As a replica would apply it: no trigger of the platform's or the console's fires.
            h.execute("set local session_replication_role = replica");
            h.createUpdate("update public." + table + " t set (status, scheduled_at, notes, updated_at) = "
                    + "(select r.status, r.scheduled_at, r.notes, r.updated_at from jsonb_populate_record(null::public." + table
                    + ", cast(:row as jsonb)) r) where t.id = :id").bind("row", json).bind("id", id).execute();
        });
    }

    @Test
    @Order(9)
    void anInterruptedAdoptIsFinishedByARerun() throws Exception {
        Detach.run(server.owner(), true);
        String victim = "voxconsole_calls_org_id_created_at_id_idx";
        AtomicBoolean stopped = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<CompletableFuture<Void>> killer = new java.util.concurrent.atomic.AtomicReference<>();
        try (Connection blocker = server.superuser().getConnection(); Statement b = blocker.createStatement()) {
            // A snapshot older than the build's: CREATE INDEX CONCURRENTLY waits for it with its index half made.
            blocker.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            blocker.setAutoCommit(false);
            assertThatThrownBy(() -> SchemaMigrator.adopt(server.owner(), name -> {
                if (!name.equals(victim)) {
                    return;
                }
                try {
                    // An open transaction makes CREATE INDEX CONCURRENTLY wait with its index half made;
                    // the build is then killed, as an operator's Ctrl-C or a lost connection would.
                    b.execute("select count(*) from public.organizations");
                    killer.set(CompletableFuture.runAsync(() -> killBuild(victim, stopped)));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            })).isInstanceOf(UserFacingException.class).hasMessageContaining("running the same command again finishes them");
            blocker.rollback();
        }
        // The build fails as soon as its backend is gone, which can be before the killer has read its own answer.
        killer.get().get(30, TimeUnit.SECONDS);
        assertThat(stopped).isTrue();
        assertThat(count(server.superuser(), "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname = '" + victim + "' and not i.indisvalid")).as("left invalid").isEqualTo(1);
        assertThat(AdoptionCheck.run(server.owner()).wouldAdd()).anyMatch(a -> a.contains(victim) && a.contains("built again"));

        var rerun = SchemaMigrator.adopt(server.owner(), name -> { });
        assertThat(rerun.migrationsApplied()).isZero();
        assertThat(rerun.indexes().rebuilt()).isEqualTo(1);
        assertThat(count(server.superuser(), "select count(*) from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " where c.relname like 'voxconsole\\_%' and not i.indisvalid")).isZero();
        assertThat(AdoptionCheck.run(server.owner()).wouldAdd()).isEmpty();
    }

    @Test
    @Order(10)
    void detachLeavesTheSchemaAndTheRowsAsTheyWere() throws Exception {
        Jdbi.create(server.owner()).useHandle(h -> ConsoleLogins.create(h, "sam_riverside", "person2@example.com", "sam-riverside-password-1".toCharArray()));
        var kept = Detach.run(server.owner(), false);
        assertThat(kept.keptRoles()).as("kept: %s, dropped: %s", kept.keptRoles(), kept.droppedRoles())
                .anyMatch(r -> r.startsWith("vox_manager (still granted to sam_riverside"));
        SchemaMigrator.adopt(server.owner(), name -> { });

        var outcome = Detach.run(server.owner(), true);
        assertThat(outcome.droppedRoles()).contains("sam_riverside", "vox_admin", "vox_manager", "vox_user", "vox_console");
        assertThat(outcome.indexes()).isPositive();
        assertThat(CatalogSnapshot.of(server.superuser())).as("the schema after detach").isEqualTo(schemaBefore);
        assertThat(CatalogSnapshot.rowFingerprints(server.superuser())).as("the rows after detach").isEqualTo(rowsBefore);
        assertThat(schemaDump()).as("pg_dump --schema-only after detach").isEqualTo(dumpBefore);
        assertThatThrownBy(() -> Detach.run(server.owner(), true)).hasMessage(
                "The console is not attached to this database: there is nothing to detach.");
    }

    /** The snapshot with the console's roles taken out of every privilege list: what the platform granted. */
    private static List<String> withoutConsoleGrants(List<String> snapshot) {
        return snapshot.stream()
                .map(l -> l.replaceAll("(?<=[{,])vox_[a-z]+=[^,}]*,?", "").replace(",}", "}").replace("acl={}", "acl=-"))
                .toList();
    }

    private void killBuild(String index, AtomicBoolean stopped) {
        try (Connection c = server.superuser().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 200 && !stopped.get(); i++) {
                try (ResultSet rs = s.executeQuery("select pg_terminate_backend(pid) from pg_stat_activity"
                        + " where query ilike 'create index concurrently if not exists " + index + "%' and pid <> pg_backend_pid()")) {
                    while (rs.next()) {
                        stopped.set(rs.getBoolean(1));
                    }
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean bool(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private long count(javax.sql.DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            return count(s, sql);
        }
    }
}
