package com.voxanne.ops.demo;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.demo.DemoCatalog.OrgTemplate;
import com.voxanne.ops.demo.DemoCatalog.ServiceTemplate;
import com.voxanne.ops.db.CsvCopy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an empty Voxanne database with believable, deterministic demo data: organizations on
 * different plans, profiles in every role, contacts, calls with speaker-labelled transcripts whose
 * summaries and sentiment agree with them, appointments, call tracking, hot lead alerts and the
 * configuration tables. Calls and their dependants are streamed with COPY, so a million calls
 * never sit in memory. Runs as the schema owner, in one transaction: all or nothing.
 */
public final class DemoDataGenerator {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);
    private static final ZoneId LOCAL = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("h:mm a", Locale.UK);

    // Coordinates that keep each kind of row's random stream apart.
    private static final int ORG = 1, CONTACT_ID = 2, CONTACT = 3, PROFILE = 4, CALL = 10, CALL_EXTRA = 11,
            APPOINTMENT = 12, ALERT = 13, TRACKING = 14;

    private final DemoOptions options;
    private final DemoCatalog catalog;
    private final List<DemoOrg> orgs = new ArrayList<>();
    private final int[] orgWeights;
    private final int[] scenarioWeights;
    /**
     * The tables a bulk load fills, whose secondary indexes are built once at the end: the
     * platform's, and the console's search documents (its trigger writes one per call).
     */
    private static final List<String> LOADED_TABLES = List.of("public.calls", "public.appointments", "public.call_tracking",
            "public.hot_lead_alerts", "voxconsole.call_documents");

    private final Instant windowEnd;
    private final Instant windowStart;
    private LongConsumer progress = n -> { };

    /** A demo login the workspace creates: role name and the e-mail of its profile. */
    public record DemoLoginSpec(String loginRole, String email, String organization, String role) {
    }

    /** An organization as generated, with what the call generator needs to know of it. */
    record DemoOrg(int index, UUID id, OrgTemplate template, String phone, int contactCount,
                   List<ServiceTemplate> services, String agentName, List<DemoProfile> profiles) {

        DemoProfile first(String role) {
            return profiles.stream().filter(p -> p.role().equals(role)).findFirst().orElseThrow();
        }
    }

    record DemoProfile(UUID id, String email, String fullName, String role) {
    }

    /** Everything about one call that its dependants (appointment, tracking, alert) need. */
    record CallPlan(long index, UUID id, DemoOrg org, int contact, Scenario scenario, String status,
                    Instant createdAt, int durationSeconds, ServiceTemplate service, Instant appointmentAt,
                    double score, DemoRandom random) {

        boolean completed() {
            return "completed".equals(status);
        }
    }

    public DemoDataGenerator(DemoOptions options) {
        this.options = options;
        this.catalog = DemoCatalog.load().withOrganizations(options.organizations());
        this.orgWeights = DemoRandom.cumulative(catalog.organizations().stream().mapToInt(OrgTemplate::weight).toArray());
        this.scenarioWeights = DemoRandom.cumulative(catalog.scenarios().stream().mapToInt(Scenario::weight).toArray());
        this.windowEnd = options.anchor().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.windowStart = windowEnd.minus(Duration.ofDays(options.historyDays()));
    }

    /** The demo logins every demo workspace has, known before it starts (for the sign-in window's choice). */
    public static List<DemoLoginSpec> plannedLogins() {
        List<DemoLoginSpec> logins = new ArrayList<>();
        for (OrgTemplate t : DemoCatalog.load().organizations()) {
            if (t.hasDemoLogins()) {
                for (String role : List.of("manager", "admin", "user")) {
                    logins.add(new DemoLoginSpec("demo_" + t.loginSlug() + "_" + role, null, t.name(), role));
                }
            }
        }
        return logins;
    }

    /**
     * Called with the number of calls written so far, every 1,000 calls. A callback that throws
     * (for example a {@link java.util.concurrent.CancellationException}) stops the generator, and
     * the transaction rolls back: a cancelled workspace holds nothing half-made.
     */
    public DemoDataGenerator onProgress(LongConsumer callsWritten) {
        this.progress = callsWritten;
        return this;
    }

    /**
     * Generates everything in several transactions, the calls in {@code streams} connections at
     * once: PostgreSQL spends most of a seed computing each transcript's search vector, one core per
     * connection, so two streams on two cores load about half again as fast. Not all-or-nothing: for
     * a new embedded workspace only, which is wiped and made again when its first start does not
     * finish. Returns the demo logins to create.
     */
    public List<DemoLoginSpec> generateInParallel(Jdbi owner, int streams) {
        if (streams < 2) {
            return generate(owner);
        }
        long started = System.nanoTime();
        Phases phases = new Phases();
        var suspended = owner.inTransaction(h -> {
            boolean empty = h.createQuery("select not exists (select 1 from public.organizations)").mapTo(Boolean.class).one();
            if (!empty) {
                throw new UserFacingException("The database already has organizations: demo data only goes into an empty database.");
            }
            h.execute("select voxconsole.set_change_tracking(false)");
            try {
                    phases.time("reference", () -> writeReferenceData(h));
            } catch (SQLException e) {
                throw new IllegalStateException("Writing demo data failed", e);
            }
            return SecondaryIndexes.suspend(h, LOADED_TABLES);
        });
        java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
        LongConsumer shared = n -> {
            if (failed.get()) {
                throw new java.util.concurrent.CancellationException("Another stream failed");
            }
            long now = written.addAndGet(n);
            synchronized (this) {
                progress.accept(now);
            }
        };
        var pool = java.util.concurrent.Executors.newFixedThreadPool(streams, r -> {
            Thread t = new Thread(r, "demo-load");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        try {
            long[] totals = new long[4];
            // First the calls, split across the streams; then, once they are committed, the rows that
            // point at them (tracking, alerts) beside the appointments.
            List<java.util.concurrent.Future<long[]>> calls = new ArrayList<>();
            for (int k = 0; k < streams; k++) {
                int stream = k;
                calls.add(pool.submit(() -> load(owner, failed, c -> new long[] {writeCalls(c, stream, streams, shared), 0, 0, 0})));
            }
            addUp(calls, totals);
            phases.add("calls in " + streams + " streams", System.nanoTime() - t0);
            long t1 = System.nanoTime();
            addUp(List.of(
                    pool.submit(() -> load(owner, failed, c -> new long[] {0, writeAppointments(c), 0, 0})),
                    pool.submit(() -> load(owner, failed, c -> new long[] {0, 0, writeTracking(c), writeAlerts(c)}))), totals);
            phases.add("appointments, tracking and alerts", System.nanoTime() - t1);
            // The search index (GIN, one core however it is built) beside all the others.
            long t2 = System.nanoTime();
            List<java.util.concurrent.Future<long[]>> builds = new ArrayList<>();
            for (List<String> share : suspended.shares()) {
                builds.add(pool.submit(() -> owner.inTransaction(h -> {
                    SecondaryIndexes.build(h, share);
                    return new long[4];
                })));
            }
            addUp(builds, new long[4]);
            phases.add("indexes", System.nanoTime() - t2);
            owner.useTransaction(h -> {
                new DemoConfigSeeder(options, catalog).seed(h, orgs, windowStart, windowEnd);
                copyAcknowledgements(h);
                h.execute("select voxconsole.set_change_tracking(true)");
            });
            // Outside a transaction: statistics for the planner, and the visibility map that lets the
            // charts read the keyset index alone from the first query on.
            long t3 = System.nanoTime();
            // Once per table: analyzing calls computes the search document of every sampled call for the
            // expression index's statistics (which tell the planner a rare word from a common one), the
            // slowest part of this step; an extra database-wide ANALYZE did all of it twice.
            owner.useHandle(h -> h.execute("vacuum (analyze)"));
            phases.add("vacuum and analyze", System.nanoTime() - t3);
            LOG.info("Demo data: {} calls, {} appointments, {} tracking rows, {} alerts in {} ms ({})",
                    totals[0], totals[1], totals[2], totals[3], (System.nanoTime() - started) / 1_000_000, phases);
            return demoLogins();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("Writing demo data failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("Interrupted");
        } finally {
            pool.shutdownNow();
        }
    }

    private interface Load {
        long[] into(Connection c) throws SQLException;
    }

    /** One stream's part, in its own transaction; a failure stops the other streams at their next thousand calls. */
    private static long[] load(Jdbi owner, java.util.concurrent.atomic.AtomicBoolean failed, Load part) {
        try {
            return owner.inTransaction(h -> {
                h.execute("set local synchronous_commit = off");
                return part.into(h.getConnection());
            });
        } catch (SQLException e) {
            failed.set(true);
            throw new IllegalStateException("Writing demo data failed", e);
        } catch (RuntimeException e) {
            failed.set(true);
            throw e;
        }
    }

    private static void addUp(List<java.util.concurrent.Future<long[]>> parts, long[] totals)
            throws java.util.concurrent.ExecutionException, InterruptedException {
        for (var f : parts) {
            long[] part = f.get();
            for (int i = 0; i < totals.length; i++) {
                totals[i] += part[i];
            }
        }
    }

    /** Generates everything in one transaction and returns the demo logins to create. */
    public List<DemoLoginSpec> generate(Jdbi owner) {
        return owner.inTransaction(h -> {
            boolean empty = h.createQuery("select not exists (select 1 from public.organizations)").mapTo(Boolean.class).one();
            if (!empty) {
                throw new UserFacingException("The database already has organizations: demo data only goes into an empty database.");
            }
            long started = System.nanoTime();
            h.execute("set local synchronous_commit = off");
            // Emptied in this transaction (they are empty already): with wal_level=minimal, as the
            // embedded server runs, PostgreSQL then writes the loaded tables straight to disk at
            // commit instead of logging every row in the WAL first.
            h.execute("truncate public.contacts, public.calls, public.appointments, public.call_tracking, public.hot_lead_alerts,"
                    + " voxconsole.call_documents cascade");
            // History loaded in bulk is nobody's write: no audit rows, no live notices (back on before commit).
            h.execute("select voxconsole.set_change_tracking(false)");
            Phases phases = new Phases();
            try {
                phases.time("reference", () -> writeReferenceData(h));
                Connection c = h.getConnection();
                var indexes = SecondaryIndexes.suspend(h, LOADED_TABLES);
                long calls = phases.time("calls", () -> writeCalls(c));
                long appointments = phases.time("appointments", () -> writeAppointments(c));
                long tracking = phases.time("tracking", () -> writeTracking(c));
                long alerts = phases.time("alerts", () -> writeAlerts(c));
                phases.time("indexes", () -> {
                    indexes.restore();
                    return 0L;
                });
                new DemoConfigSeeder(options, catalog).seed(h, orgs, windowStart, windowEnd);
                copyAcknowledgements(h);
                h.execute("select voxconsole.set_change_tracking(true)");
                // Fresh statistics, so the first queries get plans fit for the data rather than for empty tables.
                phases.time("analyze", () -> {
                    h.execute("analyze");
                    return 0L;
                });
                LOG.info("Demo data: {} calls, {} appointments, {} tracking rows, {} alerts in {} ms ({})",
                        calls, appointments, tracking, alerts, (System.nanoTime() - started) / 1_000_000, phases);
            } catch (SQLException e) {
                throw new IllegalStateException("Writing demo data failed", e);
            }
            return demoLogins();
        });
    }

    /** How long each part of a load took, for the log: where a slow seed spends its time. */
    private static final class Phases {
        interface Work {
            long run() throws SQLException;
        }

        private final StringBuilder summary = new StringBuilder();

        long time(String name, Work work) throws SQLException {
            long t0 = System.nanoTime();
            long result = work.run();
            add(name, System.nanoTime() - t0);
            return result;
        }

        synchronized void add(String name, long nanos) {
            summary.append(summary.length() == 0 ? "" : ", ").append(name).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9));
        }

        void time(String name, SqlRunnable work) throws SQLException {
            time(name, () -> {
                work.run();
                return 0L;
            });
        }

        interface SqlRunnable {
            void run() throws SQLException;
        }

        @Override
        public String toString() {
            return summary.toString();
        }
    }

    private List<DemoLoginSpec> demoLogins() {
        List<DemoLoginSpec> logins = new ArrayList<>();
        for (DemoOrg org : orgs) {
            if (org.template().hasDemoLogins()) {
                for (String role : List.of("admin", "manager", "user")) {
                    logins.add(new DemoLoginSpec("demo_" + org.template().loginSlug() + "_" + role,
                            org.first(role).email(), org.template().name(), role));
                }
            }
        }
        return logins;
    }

    // Organizations, profiles and contacts --------------------------------------------------------

    private void writeReferenceData(Handle h) throws SQLException {
        int totalWeight = orgWeights[orgWeights.length - 1];
        for (int k = 0; k < catalog.organizations().size(); k++) {
            OrgTemplate t = catalog.organizations().get(k);
            DemoRandom r = DemoRandom.of(options.seed(), ORG, k);
            UUID id = r.uuid();
            long expectedCalls = (long) options.calls() * t.weight() / totalWeight;
            int contacts = (int) Math.max(40, expectedCalls / 6);
            String phone = "+4420794600" + String.format("%02d", k);
            String agent = r.pick(List.of("Sophie", "Alex", "Maya", "Sam", "Ella", "Jamie", "Nina", "Leo"));
            List<ServiceTemplate> services = catalog.servicesOf(t.industry());
            List<DemoProfile> profiles = profilesFor(k, t);
            orgs.add(new DemoOrg(k, id, t, phone, contacts, services, agent, profiles));
            Instant created = windowStart.minus(Duration.ofDays(200 + r.between(0, 900)));
            RowInsert.into("organizations")
                    .set("id", id).set("name", t.name()).set("email", "hello@" + t.domain()).set("phone", phone)
                    .set("website", "https://www." + t.domain()).set("plan", t.plan())
                    .set("stripe_customer_id", "cus_demo" + Long.toHexString(r.nextLong(1L << 40)))
                    .set("wallet_balance_pence", r.between(0, 250_000)).set("telephony_mode", t.telephonyMode())
                    .set("settings", "{\"timezone\": \"Europe/London\", \"industry\": \"" + t.industry() + "\", \"city\": \"" + t.city() + "\"}", "jsonb")
                    .set("created_at", utc(created)).set("updated_at", utc(created.plus(Duration.ofDays(30))))
                    .execute(h);
            for (DemoProfile p : profiles) {
                DemoRandom pr = DemoRandom.of(options.seed(), PROFILE, k, p.email().hashCode());
                boolean loginOrg = t.hasDemoLogins();
                String status = !loginOrg && p.equals(profiles.get(profiles.size() - 1)) ? (k % 2 == 0 ? "inactive" : "suspended") : "active";
                RowInsert.into("profiles")
                        .set("id", p.id()).set("org_id", id).set("email", p.email()).set("full_name", p.fullName())
                        .set("role", p.role()).set("status", status)
                        .set("phone", "+4477009001" + String.format("%02d", (k * 7 + profiles.indexOf(p)) % 100))
                        .set("last_login", utc(windowEnd.minus(Duration.ofHours(pr.between(1, 400)))))
                        .set("created_at", utc(created.plus(Duration.ofDays(pr.between(0, 100)))))
                        .execute(h);
            }
        }
        writeContacts(h.getConnection());
    }

    private List<DemoProfile> profilesFor(int k, OrgTemplate t) {
        List<DemoProfile> profiles = new ArrayList<>();
        List<String> roles = List.of("admin", "manager", "manager", "user", "user", "user");
        for (int i = 0; i < roles.size(); i++) {
            DemoRandom r = DemoRandom.of(options.seed(), PROFILE, k, i);
            String first = r.pick(catalog.firstNames());
            String last = r.pick(catalog.lastNames());
            String email = (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT) + (i + 1) + "@" + t.domain();
            profiles.add(new DemoProfile(r.uuid(), email, first + " " + last, roles.get(i)));
        }
        return profiles;
    }

    private void writeContacts(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.contacts",
                "id, org_id, phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at, created_at, updated_at")) {
            for (DemoOrg org : orgs) {
                for (int i = 0; i < org.contactCount(); i++) {
                    DemoRandom r = DemoRandom.of(options.seed(), CONTACT, org.index(), i);
                    String first = r.pick(catalog.firstNames());
                    String last = r.pick(catalog.lastNames());
                    String status = r.pick(List.of("hot", "warm", "warm", "cold", "cold", "cold", "contacted", "contacted"));
                    Integer score = r.chance(0.1) ? null : switch (status) {
                        case "hot" -> r.between(75, 99);
                        case "warm" -> r.between(50, 80);
                        case "cold" -> r.between(5, 45);
                        default -> r.between(30, 70);
                    };
                    Instant created = windowStart.minus(Duration.ofDays(r.between(0, 400)));
                    Instant contacted = r.chance(0.8) ? between(r, windowStart, windowEnd) : null;
                    copy.value(contactId(org, i)).value(org.id()).text(contactPhone(org, i))
                            .text(r.chance(0.7) ? (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT) + i + "@mail.example" : null)
                            .text(first).text(last).text(status).value(score)
                            .text(r.chance(0.2) ? r.pick(CONTACT_NOTES) : null)
                            .time(contacted).time(created).time(contacted == null ? created : contacted);
                    copy.endRow();
                }
            }
            copy.finish();
        }
    }

    private static final List<String> CONTACT_NOTES = List.of(
            "Prefers morning appointments.", "Nervous patient: allow extra time.", "Pays by invoice.",
            "Asked about finance options.", "Referred by a friend.", "Do not call before 10am.",
            "Speaks Polish as a first language.", "VIP: long-standing customer.");

    private UUID contactId(DemoOrg org, int i) {
        return DemoRandom.uuidFor(options.seed(), CONTACT_ID, org.index(), i);
    }

    private String contactName(DemoOrg org, int i) {
        DemoRandom r = DemoRandom.of(options.seed(), CONTACT, org.index(), i);
        return r.pick(catalog.firstNames()) + " " + r.pick(catalog.lastNames());
    }

    /** Unique within the organization: i * 7919 mod 10^9 is a bijection on 0..10^9-1. */
    private static String contactPhone(DemoOrg org, int i) {
        return "+447" + String.format("%09d", (org.index() * 37_000_003L + i * 7_919L) % 1_000_000_000L);
    }

    // Calls --------------------------------------------------------------------------------------

    /** Derives call j from the seed alone, the same way every time. */
    CallPlan plan(long j) {
        DemoRandom r = DemoRandom.of(options.seed(), CALL, j);
        UUID id = r.uuid();
        DemoOrg org = orgs.get(r.weighted(orgWeights));
        Scenario scenario = catalog.scenarios().get(r.weighted(scenarioWeights));
        int contact = r.chance(0.85) || !scenario.inbound() ? r.between(0, org.contactCount() - 1) : -1;
        Instant created = businessHour(r);
        double roll = r.between(0.0, 1.0);
        String status = roll < 0.04 ? "failed" : roll < 0.06 ? "pending" : "completed";
        if (Duration.between(created, windowEnd).toMinutes() < 20) {
            status = "in_progress";
        }
        ServiceTemplate service = r.pick(org.services());
        ZonedDateTime local = created.atZone(LOCAL).truncatedTo(ChronoUnit.DAYS).plusDays(r.between(1, 14));
        if (local.getDayOfWeek().getValue() >= 6) {
            local = local.plusDays(8 - local.getDayOfWeek().getValue());
        }
        Instant appointmentAt = local.plusHours(9).plusMinutes(30L * r.between(0, 16)).toInstant();
        double score = Math.round(r.between(scenario.minScore(), scenario.maxScore()) * 1000) / 1000.0;
        int duration = "failed".equals(status) ? r.between(0, 15) : 0;
        return new CallPlan(j, id, org, contact, scenario, status, created, duration, service, appointmentAt, score, r);
    }

    private long writeCalls(Connection c) throws SQLException {
        return writeCalls(c, 0, 1, written -> progress.accept(written));
    }

    /**
     * Calls first, first + step, first + 2 step, …: one of {@code step} streams that together
     * write every call. {@code done} hears every 1,000 calls of this stream.
     */
    private long writeCalls(Connection c, int first, int step, LongConsumer done) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.calls",
                "id, org_id, contact_id, call_direction, from_number, to_number, duration_seconds, status, transcript, summary, "
                        + "sentiment_label, sentiment_score, sentiment_summary, sentiment_urgency, phone_number, caller_name, "
                        + "vapi_call_id, recording_url, created_at, updated_at")) {
            long written = 0;
            for (long j = first; j < options.calls(); j += step) {
                writeCall(copy, plan(j));
                if (++written % 1_000 == 0) {
                    done.accept(1_000);
                }
            }
            return copy.finish();
        }
    }

    private void writeCall(CsvCopy copy, CallPlan p) throws SQLException {
        DemoOrg org = p.org();
        boolean known = p.contact() >= 0;
        String customerPhone = known ? contactPhone(org, p.contact()) : "+447700900" + String.format("%03d", p.random().between(0, 999));
        String callerName = known ? contactName(org, p.contact()) : (p.random().chance(0.5) ? null : "Unknown caller");
        boolean inbound = p.scenario().inbound();
        String transcript = null;
        String summary = null;
        int duration = p.durationSeconds();
        if (p.completed() || "in_progress".equals(p.status())) {
            String caller = callerName == null || !known ? p.random().pick(catalog.firstNames()) + " " + p.random().pick(catalog.lastNames()) : callerName;
            TranscriptWriter writer = new TranscriptWriter(p, caller);
            transcript = writer.transcript();
            summary = p.completed() ? writer.fill(p.scenario().summary()) : null;
            duration = writer.estimatedSeconds();
        }
        boolean scored = p.completed();
        Instant updated = p.createdAt().plusSeconds(duration + 5L);
        copy.value(p.id()).value(org.id()).value(known ? contactId(org, p.contact()) : null)
                .text(inbound ? "inbound" : "outbound")
                .text(inbound ? customerPhone : org.phone()).text(inbound ? org.phone() : customerPhone)
                .value("pending".equals(p.status()) ? null : duration).text(p.status())
                .text(transcript).text(summary)
                .text(scored ? p.scenario().sentimentLabel() : null).value(scored ? p.score() : null)
                .text(scored ? p.scenario().sentimentSummary() : null).text(scored ? p.scenario().urgency() : null)
                .text(customerPhone).text(callerName)
                .text("call_" + p.id().toString().replace("-", ""))
                .text(p.completed() ? "https://recordings.voxanne.example/" + org.template().domain().substring(0, org.template().domain().indexOf('.')) + "/" + p.id() + ".mp3" : null)
                .time(p.createdAt()).time(updated);
        copy.endRow();
    }

    /** Fills a scenario's template for one call. */
    final class TranscriptWriter {
        private final CallPlan plan;
        private final String caller;
        private final String transcript;

        TranscriptWriter(CallPlan plan, String caller) {
            this.plan = plan;
            this.caller = caller;
            this.transcript = compose();
        }

        String transcript() {
            return transcript;
        }

        private String compose() {
            StringBuilder sb = new StringBuilder(1024);
            for (Scenario.Turn turn : plan.scenario().turns()) {
                if (turn.optional() && !plan.random().chance(0.5)) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(turn.agent() ? "AGENT: " : "CALLER: ").append(fill(turn.text()));
            }
            return sb.toString();
        }

        String fill(String template) {
            ZonedDateTime at = plan.appointmentAt().atZone(LOCAL);
            return template
                    .replace("{org}", plan.org().template().name())
                    .replace("{agent}", plan.org().agentName())
                    .replace("{caller_first}", caller.substring(0, Math.max(1, caller.indexOf(' '))))
                    .replace("{caller}", caller)
                    .replace("{service}", plan.service().name())
                    .replace("{day}", DAY.format(at))
                    .replace("{time}", TIME.format(at).toLowerCase(Locale.UK))
                    .replace("{price}", plan.service().pricePence() == 0 ? "free of charge"
                            : String.format(Locale.UK, "£%d", plan.service().pricePence() / 100))
                    .replace("{city}", plan.org().template().city());
        }

        /** About 2.6 words a second of conversation, plus pauses between turns. */
        int estimatedSeconds() {
            String t = transcript;
            int words = t.split("\\s+").length;
            int turns = t.split("\n").length;
            return (int) (words / 2.6) + turns * 2 + plan.random().between(5, 40);
        }
    }

    // Dependants of calls, re-derived from each call's plan ---------------------------------------

    private long writeAppointments(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.appointments",
                "id, org_id, contact_id, title, description, scheduled_at, duration_minutes, status, location, notes, reminder_sent_at, created_at, updated_at")) {
            for (long j = 0; j < options.calls(); j++) {
                CallPlan p = plan(j);
                if (!p.completed() || !p.scenario().booksAppointment() || p.contact() < 0) {
                    continue;
                }
                DemoRandom r = DemoRandom.of(options.seed(), APPOINTMENT, j);
                boolean past = p.appointmentAt().isBefore(windowEnd);
                String status = past
                        ? r.pick(List.of("completed", "completed", "completed", "completed", "completed", "completed", "no-show", "cancelled"))
                        : (r.chance(0.1) ? "cancelled" : "scheduled");
                String title = Character.toUpperCase(p.service().name().charAt(0)) + p.service().name().substring(1);
                Instant reminder = p.appointmentAt().minus(Duration.ofDays(1));
                copy.value(r.uuid()).value(p.org().id()).value(contactId(p.org(), p.contact())).text(title)
                        .text("Booked by phone with " + p.org().agentName() + " (AI agent).")
                        .time(p.appointmentAt()).value(p.service().durationMinutes()).text(status)
                        .text(p.org().template().name() + ", " + p.org().template().city())
                        .text("urgent".equals(p.scenario().key()) ? "Emergency slot: see call transcript." : (r.chance(0.15) ? "Caller asked for a reminder text." : null))
                        .time(reminder.isBefore(windowEnd) && !"cancelled".equals(status) ? reminder : null)
                        .time(p.createdAt()).time(past ? p.appointmentAt().plus(Duration.ofHours(2)) : p.createdAt());
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private static final String[][] UTM = {
        {"google", "cpc", "brand-search"}, {"google", "cpc", "treatments-generic"}, {"facebook", "paid-social", "spring-offer"},
        {"instagram", "paid-social", "before-after"}, {"newsletter", "email", "monthly-update"}, {"bing", "cpc", "brand-search"},
        {"google", "organic", null}, {null, null, null}};

    private long writeTracking(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.call_tracking",
                "id, org_id, call_id, contact_id, tracked_url, utm_source, utm_medium, utm_campaign, device_type, browser, os, ip_address, location, created_at")) {
            for (long j = 0; j < options.calls(); j++) {
                CallPlan p = plan(j);
                DemoRandom r = DemoRandom.of(options.seed(), TRACKING, j);
                if (!p.scenario().inbound() || !r.chance(0.6)) {
                    continue;
                }
                String[] utm = UTM[r.between(0, UTM.length - 1)];
                String device = r.chance(0.65) ? "mobile" : r.chance(0.85) ? "desktop" : "unknown";
                String[] browserOs = switch (device) {
                    case "mobile" -> r.chance(0.55) ? new String[] {"Safari", "iOS"} : new String[] {"Chrome", "Android"};
                    case "desktop" -> r.chance(0.6) ? new String[] {"Chrome", "Windows"} : new String[] {"Safari", "macOS"};
                    default -> new String[] {null, null};
                };
                String url = "https://www." + p.org().template().domain() + "/book"
                        + (utm[0] == null ? "" : "?utm_source=" + utm[0] + "&utm_medium=" + utm[1] + (utm[2] == null ? "" : "&utm_campaign=" + utm[2]));
                copy.value(r.uuid()).value(p.org().id()).value(p.id()).value(p.contact() >= 0 ? contactId(p.org(), p.contact()) : null)
                        .text(url).text(utm[0]).text(utm[1]).text(utm[2]).text(device).text(browserOs[0]).text(browserOs[1])
                        // Documentation address ranges (RFC 5737): never a real visitor.
                        .text(r.pick(List.of("192.0.2.", "198.51.100.", "203.0.113.")) + r.between(1, 254))
                        .text(p.org().template().city() + ", GB")
                        .time(p.createdAt().minus(Duration.ofMinutes(r.between(1, 30))));
                copy.endRow();
            }
            return copy.finish();
        }
    }

    private long writeAlerts(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.hot_lead_alerts",
                "id, org_id, contact_id, call_id, reason, lead_score, urgency, acknowledged_at, acknowledged_by, created_at")) {
            for (long j = 0; j < options.calls(); j++) {
                CallPlan p = plan(j);
                if (!p.completed() || p.contact() < 0 || !(p.scenario().hotLead() || "urgent".equals(p.scenario().key()))) {
                    continue;
                }
                DemoRandom r = DemoRandom.of(options.seed(), ALERT, j);
                boolean hot = p.scenario().hotLead();
                Instant raised = p.createdAt().plusSeconds(60);
                boolean acknowledged = Duration.between(raised, windowEnd).toDays() > 2 || r.chance(0.3);
                copy.value(r.uuid()).value(p.org().id()).value(contactId(p.org(), p.contact())).value(p.id())
                        .text(hot ? "Caller wants to buy now and asked about the premium package and finance." : "Caller in distress needed an emergency appointment.")
                        .value(hot ? r.between(85, 99) : null).text(hot ? (r.chance(0.3) ? "critical" : "high") : "critical")
                        .time(acknowledged ? raised.plus(Duration.ofMinutes(r.between(2, 90))) : null)
                        .value(acknowledged ? p.org().first("manager").id() : null)
                        .time(raised);
                copy.endRow();
            }
            return copy.finish();
        }
    }

    /**
     * The demo's platform records acknowledgements in hot_lead_alerts' own columns, as some platforms
     * do; the console keeps its own, so the history shows acknowledged in the console too.
     */
    private static void copyAcknowledgements(Handle h) {
        h.execute("""
                insert into voxconsole.acknowledgements (entity, entity_id, org_id, profile_id, login_role, acknowledged_at)
                select 'hot_lead_alerts', a.id, a.org_id, a.acknowledged_by, 'platform', a.acknowledged_at
                from public.hot_lead_alerts a where a.acknowledged_at is not null
                on conflict do nothing""");
    }

    // Helpers ------------------------------------------------------------------------------------

    private Instant businessHour(DemoRandom r) {
        long days = Duration.between(windowStart, windowEnd).toDays();
        ZonedDateTime day = windowStart.atZone(LOCAL).plusDays(r.nextLong(days));
        if (day.getDayOfWeek().getValue() == 7 && r.chance(0.8)) {
            day = day.minusDays(1);
        }
        ZonedDateTime at = day.truncatedTo(ChronoUnit.DAYS).plusHours(8).plusSeconds(r.nextLong(11 * 3600));
        Instant instant = at.toInstant();
        return instant.isBefore(windowEnd) ? instant : windowEnd.minusSeconds(r.between(1, 3600));
    }

    private static Instant between(DemoRandom r, Instant from, Instant to) {
        return from.plusSeconds(r.nextLong(Math.max(1, Duration.between(from, to).getSeconds())));
    }

    static java.time.OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
