package com.voxanne.ops.demo;

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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Fills an empty Voxanne database with believable, deterministic demo data: organizations on
 * different plans, profiles in every role, contacts, calls with speaker-labelled transcripts whose
 * summaries and sentiment agree with them, appointments, call tracking, hot lead alerts and the
 * configuration tables. Calls and their dependants are streamed with COPY, so a million calls
 * never sit in memory. Runs as the schema owner; {@link DemoLoad} decides the transactions.
 */
public final class DemoDataGenerator {

    private static final ZoneId LOCAL = ZoneId.of("Europe/London");

    // Coordinates that keep each kind of row's random stream apart.
    private static final int ORG = 1, CONTACT_ID = 2, CONTACT = 3, PROFILE = 4, CALL = 10, CALL_EXTRA = 11;
    static final int APPOINTMENT = 12, ALERT = 13, TRACKING = 14, PLANT = 15, FOLLOWS = 16;

    private final DemoOptions options;
    private final DemoCatalog catalog;
    private final List<DemoOrg> orgs = new ArrayList<>();
    private final int[] orgWeights;
    private final int[] scenarioWeights;
    private final Instant windowEnd;
    private final Instant windowStart;
    private LongConsumer progress = n -> { };

    /** An organization as generated, with what the call generator needs to know of it. */
    record DemoOrg(int index, UUID id, OrgTemplate template, String phone, int contactCount,
                   List<ServiceTemplate> services, String agentName, List<DemoProfile> profiles) {

        DemoProfile first(String role) {
            return nth(role, 0);
        }

        DemoProfile nth(String role, int n) {
            return profiles.stream().filter(p -> p.role().equals(role)).skip(n).findFirst().orElseThrow();
        }
    }

    record DemoProfile(UUID id, String email, String fullName, String role) {
    }

    /**
     * Everything about one call that its dependants (appointment, tracking, alert) need, and what
     * the generator meant it to show for the signals (docs/SIGNALS.md): a {@code plant} on its
     * booking, the {@code phrasing} of its booking claim, and, for a call written after another,
     * what it is to that one ({@code follows}).
     */
    record CallPlan(long index, UUID id, DemoOrg org, int contact, Scenario scenario, String status,
                    Instant createdAt, int durationSeconds, ServiceTemplate service, Instant appointmentAt,
                    double score, DemoRandom random, Plant plant, int phrasing, FollowsOn follows) {

        boolean completed() {
            return "completed".equals(status);
        }
    }

    /** What goes wrong on purpose with a call's booking: the appointment is never made, or made for another time. */
    enum Plant { NONE, LOST_BOOKING, MISPLACED_BOOKING }

    /** What a later call is to the one it follows: the same caller again, or a follow-up by the business. */
    enum Later { REPEAT, RETURN_AS_ARRANGED, REPEAT_AFTER_WINDOW, FOLLOW_UP, LATE_FOLLOW_UP }

    record FollowsOn(Later kind, UUID parentId, long parentIndex) {
    }

    public DemoDataGenerator(DemoOptions options) {
        this.options = options;
        this.catalog = DemoCatalog.load().withOrganizations(options.organizations());
        this.orgWeights = DemoRandom.cumulative(catalog.organizations().stream().mapToInt(OrgTemplate::weight).toArray());
        this.scenarioWeights = DemoRandom.cumulative(catalog.scenarios().stream().mapToInt(Scenario::weight).toArray());
        this.windowEnd = options.anchor().atStartOfDay(ZoneOffset.UTC).toInstant();
        this.windowStart = windowEnd.minus(Duration.ofDays(options.historyDays()));
    }

    /**
     * A demo login's place in its organization: the nth profile of a role. A second manager is there
     * because nobody signs off their own evaluation (issue 17): two managers show the whole loop.
     */
    private record Seat(String suffix, String role, int nth, String words) {
    }

    /** In the order the sign-in window offers them: the manager first, who does the daily work. */
    private static final List<Seat> SEATS = List.of(new Seat("manager", "manager", 0, "manager"), new Seat("admin", "admin", 0, "admin"),
            new Seat("user", "user", 0, "user"), new Seat("manager2", "manager", 1, "second manager"));

    /** The demo logins every demo workspace has, known before it starts (for the sign-in window's choice). */
    public static List<DemoLoginSpec> plannedLogins() {
        List<DemoLoginSpec> logins = new ArrayList<>();
        for (OrgTemplate t : DemoCatalog.load().organizations()) {
            if (t.hasDemoLogins()) {
                for (Seat seat : SEATS) {
                    logins.add(new DemoLoginSpec("demo_" + t.loginSlug() + "_" + seat.suffix(), null, t.name(), seat.role(), seat.words()));
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
     * Generates everything, the calls in {@code streams} connections at once; not all-or-nothing
     * (see {@link DemoLoad}). Returns the demo logins to create.
     */
    public List<DemoLoginSpec> generateInParallel(Jdbi owner, int streams) {
        return streams < 2 ? generate(owner) : new DemoLoad(this).inStreams(owner, streams, progress);
    }

    /** Generates everything in one transaction and returns the demo logins to create. */
    public List<DemoLoginSpec> generate(Jdbi owner) {
        return new DemoLoad(this).inOneTransaction(owner, progress);
    }

    List<DemoLoginSpec> demoLogins() {
        List<DemoLoginSpec> logins = new ArrayList<>();
        for (DemoOrg org : orgs) {
            if (org.template().hasDemoLogins()) {
                for (Seat seat : SEATS) {
                    logins.add(new DemoLoginSpec("demo_" + org.template().loginSlug() + "_" + seat.suffix(),
                            org.nth(seat.role(), seat.nth()).email(), org.template().name(), seat.role(), seat.words()));
                }
            }
        }
        return logins;
    }

    // Organizations, profiles and contacts --------------------------------------------------------

    /** Organization k as planned, drawing its first values from {@code r} (its own stream), which goes on to its row. */
    private DemoOrg orgFrom(int k, DemoRandom r) {
        int totalWeight = orgWeights[orgWeights.length - 1];
        OrgTemplate t = catalog.organizations().get(k);
        UUID id = r.uuid();
        long expectedCalls = (long) options.calls() * t.weight() / totalWeight;
        int contacts = (int) Math.max(40, expectedCalls / 6);
        String phone = "+4420794600" + String.format("%02d", k);
        String agent = r.pick(List.of("Sophie", "Alex", "Maya", "Sam", "Ella", "Jamie", "Nina", "Leo"));
        return new DemoOrg(k, id, t, phone, contacts, catalog.servicesOf(t.industry()), agent, profilesFor(k, t));
    }

    /** The organizations as planned, without writing them: enough to re-derive every call (the signals' ground truth). */
    List<DemoOrg> planOrganizations() {
        if (orgs.isEmpty()) {
            for (int k = 0; k < catalog.organizations().size(); k++) {
                orgs.add(orgFrom(k, DemoRandom.of(options.seed(), ORG, k)));
            }
        }
        return List.copyOf(orgs);
    }

    void writeReferenceData(Handle h) throws SQLException {
        orgs.clear();
        for (int k = 0; k < catalog.organizations().size(); k++) {
            DemoRandom r = DemoRandom.of(options.seed(), ORG, k);
            DemoOrg org = orgFrom(k, r);
            orgs.add(org);
            OrgTemplate t = org.template();
            UUID id = org.id();
            String phone = org.phone();
            List<DemoProfile> profiles = org.profiles();
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
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < roles.size(); i++) {
            DemoRandom r = DemoRandom.of(options.seed(), PROFILE, k, i);
            String first;
            String last;
            // Two people of one name in one clinic read as one: "signed off by Rosie Cox" could be the reviewer's own
            // name. Drawn again from the same stream, so the demo stays the same for a seed.
            do {
                first = r.pick(catalog.firstNames());
                last = r.pick(catalog.lastNames());
            } while (!names.add(first + " " + last));
            String email = (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT) + (i + 1) + "@" + t.domain();
            profiles.add(new DemoProfile(r.uuid(), email, first + " " + last, roles.get(i)));
        }
        return profiles;
    }

    /** A contact's row as written. */
    record ContactRow(String first, String last, String status, Integer score, Instant created, Instant contacted, String email,
                      String notes) {

        Instant updated() {
            return contacted == null ? created : contacted;
        }
    }

    /** Org's contact i, from its own stream, the same every time. */
    ContactRow contactRow(DemoOrg org, int i) {
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
        String email = r.chance(0.7) ? (first + "." + last.replace("'", "")).toLowerCase(Locale.ROOT) + i + "@mail.example" : null;
        String notes = r.chance(0.2) ? r.pick(CONTACT_NOTES) : null;
        return new ContactRow(first, last, status, score, created, contacted, email, notes);
    }

    private void writeContacts(Connection c) throws SQLException {
        try (CsvCopy copy = CsvCopy.into(c, "public.contacts",
                "id, org_id, phone, email, first_name, last_name, lead_status, lead_score, notes, last_contacted_at, created_at, updated_at")) {
            for (DemoOrg org : orgs) {
                for (int i = 0; i < org.contactCount(); i++) {
                    ContactRow k = contactRow(org, i);
                    copy.value(contactId(org, i)).value(org.id()).text(contactPhone(org, i)).text(k.email())
                            .text(k.first()).text(k.last()).text(k.status()).value(k.score()).text(k.notes())
                            .time(k.contacted()).time(k.created()).time(k.updated());
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

    UUID contactId(DemoOrg org, int i) {
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

    /**
     * Derives call j from the seed alone, the same way every time. An odd call may instead be a
     * later call of the one before it (a repeat, a follow-up), which keeps the number of calls as
     * asked and every call derivable on its own.
     */
    CallPlan plan(long j) {
        CallPlan own = ownPlan(j);
        if (j % 2 == 1) {
            CallPlan later = laterCall(j, own);
            if (later != null) {
                return later;
            }
        }
        return own;
    }

    private CallPlan ownPlan(long j) {
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
        if (scenario.mentionsPrice() && service.pricePence() == 0) {
            // "Two payments of free of charge": a call about a price is about a service that has one (the next paid one,
            // without another draw, so every later value of this call's stream stays as it was).
            service = paidAfter(org.services(), service);
        }
        ZonedDateTime local = created.atZone(LOCAL).truncatedTo(ChronoUnit.DAYS).plusDays(r.between(1, 14));
        if (local.getDayOfWeek().getValue() >= 6) {
            local = local.plusDays(8 - local.getDayOfWeek().getValue());
        }
        Instant appointmentAt = local.plusHours(9).plusMinutes(30L * r.between(0, 16)).toInstant();
        double score = Math.round(r.between(scenario.minScore(), scenario.maxScore()) * 1000) / 1000.0;
        int duration = "failed".equals(status) ? r.between(0, 15) : 0;
        // Drawn from a stream of their own, so that planting changes no other value of the call.
        DemoRandom aside = DemoRandom.of(options.seed(), PLANT, j);
        double plantRoll = aside.between(0.0, 1.0);
        Plant plant = plantRoll < 0.04 ? Plant.LOST_BOOKING : plantRoll < 0.07 ? Plant.MISPLACED_BOOKING : Plant.NONE;
        int phrasing = aside.between(0, ClaimPhrasing.WAYS - 1);
        return new CallPlan(j, id, org, contact, scenario, status, created, duration, service, appointmentAt, score, r, plant, phrasing, null);
    }

    /**
     * Call j as a later call of call j - 1, or null: a complaint or a hot lead waiting for a call
     * back is followed up in time by most organizations (an outbound call within a day), late by
     * some; a caller who said they would ring again sometimes does; other callers now and then
     * ring again because nothing was solved, mostly within two days, sometimes later.
     */
    private CallPlan laterCall(long j, CallPlan own) {
        CallPlan parent = ownPlan(j - 1);
        if (!parent.completed() || parent.contact() < 0) {
            return null;
        }
        DemoRandom r = DemoRandom.of(options.seed(), FOLLOWS, j);
        double roll = r.between(0.0, 1.0);
        String key = parent.scenario().key();
        Later kind;
        if (key.equals("complaint_billing") || key.equals("hot_lead_callback")) {
            kind = roll < 0.6 ? Later.FOLLOW_UP : roll < 0.7 ? Later.LATE_FOLLOW_UP : null;
        } else if (parent.scenario().arrangesCallBack()) {
            kind = roll < 0.3 ? Later.RETURN_AS_ARRANGED : null;
        } else if (parent.scenario().inbound() && parent.scenario().weight() > 0) {
            kind = roll < 0.06 ? Later.REPEAT : roll < 0.08 ? Later.REPEAT_AFTER_WINDOW : null;
        } else {
            kind = null;
        }
        if (kind == null) {
            return null;
        }
        Instant at = laterTime(r, parent.createdAt(), kind);
        if (at == null || !at.isBefore(windowEnd.minus(Duration.ofHours(3)))) {
            return null;
        }
        Scenario scenario = catalog.scenario(switch (kind) {
            case FOLLOW_UP, LATE_FOLLOW_UP -> "follow_up_call";
            case RETURN_AS_ARRANGED -> "called_back_as_arranged";
            case REPEAT, REPEAT_AFTER_WINDOW -> "chase";
        });
        double score = Math.round(r.between(scenario.minScore(), scenario.maxScore()) * 1000) / 1000.0;
        return new CallPlan(j, own.id(), parent.org(), parent.contact(), scenario, "completed", at, 0, parent.service(),
                parent.appointmentAt(), score, own.random(), Plant.NONE, own.phrasing(), new FollowsOn(kind, parent.id(), j - 1));
    }

    /** A working-hours moment after {@code after}, as far on as the kind of later call is (null when none was found). */
    private static Instant laterTime(DemoRandom r, Instant after, Later kind) {
        Duration least = switch (kind) {
            case FOLLOW_UP -> Duration.ofMinutes(20);
            case LATE_FOLLOW_UP -> Duration.ofHours(27);
            case RETURN_AS_ARRANGED -> Duration.ofMinutes(45);
            case REPEAT -> Duration.ofMinutes(30);
            case REPEAT_AFTER_WINDOW -> Duration.ofHours(51);
        };
        Duration most = switch (kind) {
            case FOLLOW_UP -> Duration.ofHours(22);
            case LATE_FOLLOW_UP -> Duration.ofHours(44);
            case RETURN_AS_ARRANGED, REPEAT -> Duration.ofHours(46);
            case REPEAT_AFTER_WINDOW -> Duration.ofHours(90);
        };
        for (int attempt = 0; attempt < 6; attempt++) {
            ZonedDateTime day = after.atZone(LOCAL).truncatedTo(ChronoUnit.DAYS).plusDays(r.between(0, 3));
            Instant at = day.plusMinutes(r.between(8 * 60 + 30, 18 * 60 + 30)).toInstant();
            Duration gap = Duration.between(after, at);
            if (gap.compareTo(least) >= 0 && gap.compareTo(most) <= 0) {
                return at;
            }
        }
        return null;
    }

    private static ServiceTemplate paidAfter(List<ServiceTemplate> services, ServiceTemplate free) {
        int at = services.indexOf(free);
        for (int k = 1; k <= services.size(); k++) {
            ServiceTemplate next = services.get((at + k) % services.size());
            if (next.pricePence() > 0) {
                return next;
            }
        }
        return free;
    }

    /**
     * Calls first, first + step, first + 2 step, …: one of {@code step} streams that together
     * write every call. {@code done} hears every 1,000 calls of this stream.
     */
    long writeCalls(Connection c, int first, int step, LongConsumer done) throws SQLException {
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

    /** A call's row as written: the caller's number and name, the words and how long it lasted. */
    record CallRow(String customerPhone, String callerName, String transcript, String summary, Integer durationSeconds) {
    }

    /** Call p's row; draws from p's own stream in a fixed order, so the same plan gives the same row. */
    CallRow row(CallPlan p) {
        DemoOrg org = p.org();
        boolean known = p.contact() >= 0;
        String customerPhone = known ? contactPhone(org, p.contact()) : "+447700900" + String.format("%03d", p.random().between(0, 999));
        String callerName = known ? contactName(org, p.contact()) : (p.random().chance(0.5) ? null : "Unknown caller");
        String transcript = null;
        String summary = null;
        int duration = p.durationSeconds();
        if (p.completed() || "in_progress".equals(p.status())) {
            String caller = callerName == null || !known ? p.random().pick(catalog.firstNames()) + " " + p.random().pick(catalog.lastNames()) : callerName;
            if (!known && p.scenario().namesCaller()) {
                // No contact matched the number, but the caller said who they are: the platform keeps that name, as its summary does.
                callerName = caller;
            }
            TranscriptWriter writer = new TranscriptWriter(p, caller);
            transcript = writer.transcript();
            summary = p.completed() ? writer.fill(p.scenario().summary()) : null;
            duration = writer.estimatedSeconds();
        }
        return new CallRow(customerPhone, callerName, transcript, summary, "pending".equals(p.status()) ? null : duration);
    }

    private void writeCall(CsvCopy copy, CallPlan p) throws SQLException {
        DemoOrg org = p.org();
        CallRow row = row(p);
        boolean inbound = p.scenario().inbound();
        boolean scored = p.completed();
        Instant updated = p.createdAt().plusSeconds((row.durationSeconds() == null ? 0 : row.durationSeconds()) + 5L);
        copy.value(p.id()).value(org.id()).value(p.contact() >= 0 ? contactId(org, p.contact()) : null)
                .text(inbound ? "inbound" : "outbound")
                .text(inbound ? row.customerPhone() : org.phone()).text(inbound ? org.phone() : row.customerPhone())
                .value(row.durationSeconds()).text(p.status())
                .text(row.transcript()).text(row.summary())
                .text(scored ? p.scenario().sentimentLabel() : null).value(scored ? p.score() : null)
                .text(scored ? p.scenario().sentimentSummary() : null).text(scored ? p.scenario().urgency() : null)
                .text(row.customerPhone()).text(row.callerName())
                .text("call_" + p.id().toString().replace("-", ""))
                .text(p.completed() ? "https://recordings.voxanne.example/" + org.template().domain().substring(0, org.template().domain().indexOf('.')) + "/" + p.id() + ".mp3" : null)
                .time(p.createdAt()).time(updated);
        copy.endRow();
    }

    DemoOptions options() {
        return options;
    }

    long seed() {
        return options.seed();
    }

    Instant windowEnd() {
        return windowEnd;
    }

    /** The configuration tables, and the acknowledgements of the alerts written before. */
    void writeConfiguration(Handle h) {
        new DemoConfigSeeder(options, catalog).seed(h, orgs, windowStart, windowEnd);
        copyAcknowledgements(h);
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
