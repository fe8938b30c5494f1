package com.voxanne.ops.offline;

import com.voxanne.ops.bundle.CappedEntryStream;
import com.voxanne.ops.bundle.BundleVerifier;
import com.voxanne.ops.bundle.BundleRows;
import com.voxanne.ops.bundle.BundleContentException;
import com.voxanne.ops.bundle.BundleFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.db.CallBackfill;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.CsvCopy;
import com.voxanne.ops.db.KeepingTriggers;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.logins.ConsoleLogins;
import com.voxanne.ops.embedded.EmbeddedServer;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.zip.ZipFile;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Opens a bundle for offline review by loading it into its own database on the embedded server.
 * Why a database and not an in-memory model: the calls, sentiment and appointments workspaces then
 * work unchanged (keyset pages, full-text search, aggregated charts), a 100,000-call bundle is
 * indexed once and reopens at once, and memory does not grow with the bundle. The database is
 * named after the bundle's SHA-256, so a changed file never reuses an old load.
 */
public final class ReviewDatabase {


    private ReviewDatabase() {
    }

    /**
     * Where to sign in to review a bundle. {@code rest} completes when every row is loaded: the
     * newest calls are there at once, so the first page shows while the rest loads in the background.
     * {@code verification} completes when every entry's SHA-256 and the signature are checked, which
     * for a large bundle takes longer than showing its first page.
     */
    public record Review(ConnectionSettings settings, char[] password, CompletableFuture<BundleVerifier.Verification> verification,
                         CompletableFuture<Void> rest) {
    }

    private static final java.util.Map<String, CompletableFuture<Void>> LOADING = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int FIRST_CALLS = 500;
    private static final int CHUNK = 10_000;
    static final List<String> CONTACT_COLUMNS = List.of("id", "phone", "email", "first_name", "last_name", "lead_status", "lead_score",
            "notes", "last_contacted_at", "created_at", "updated_at");
    static final List<String> CALL_COLUMNS = List.of("id", "created_at", "updated_at", "call_direction", "from_number", "to_number",
            "phone_number", "contact_id", "caller_name", "duration_seconds", "status", "summary", "sentiment_label", "sentiment_score",
            "sentiment_summary", "sentiment_urgency", "vapi_call_id", "recording_url", "transcript");
    static final List<String> APPOINTMENT_COLUMNS = List.of("id", "contact_id", "title", "description", "scheduled_at",
            "duration_minutes", "status", "location", "notes", "reminder_sent_at", "created_at", "updated_at");
    private static final List<String> TRACKING_COLUMNS = List.of("id", "call_id", "contact_id", "tracked_url", "utm_source", "utm_medium",
            "utm_campaign", "device_type", "browser", "os", "ip_address", "location", "created_at");

    public static Review open(EmbeddedServer workspace, Path bundle, LongConsumer callsLoaded) {
        return open(workspace, bundle, java.util.Set.of(), callsLoaded);
    }

    /** @param trustedKeys fingerprints of the keys this console trusts; a bundle signed by another key is shown as such */
    public static Review open(EmbeddedServer workspace, Path bundle, java.util.Set<String> trustedKeys, LongConsumer callsLoaded) {
        BundleVerifier.Opened opened = BundleVerifier.open(bundle);
        // The full check reads every byte; it runs beside the load instead of before it.
        CompletableFuture<BundleVerifier.Verification> verification = CompletableFuture.supplyAsync(
                () -> BundleVerifier.verify(bundle, trustedKeys), r -> daemon("bundle-check", r));
        String database = "review_" + opened.contentKey().substring(0, 16);
        CompletableFuture<Void> rest = CompletableFuture.completedFuture(null);
        String login = database + "_reader";
        Jdbi server = Jdbi.create(workspace.ownerDataSource("postgres"));
        // A copy loaded by an older console (older migrations) is loaded again: it would lack what this one needs (V9's evaluations).
        boolean loaded = server.withHandle(h -> h.createQuery("select exists (select 1 from pg_database where datname = :d)")
                .bind("d", database).mapTo(Boolean.class).one())
                && Jdbi.create(workspace.ownerDataSource(database)).withHandle(h -> h.createQuery(
                        "select exists (select 1 from pg_tables where schemaname = 'voxconsole' and tablename = 'review_loaded')"
                        + " and voxconsole.schema_version() = :latest").bind("latest", SchemaMigrator.latestVersion()).mapTo(Boolean.class).one());
        CompletableFuture<Void> inProgress = LOADING.get(database);
        if (inProgress != null && !inProgress.isDone()) {
            // Opened again while its first opening is still loading: share that load.
            rest = inProgress;
        } else if (!loaded) {
            String template = migratedTemplate(workspace, server);
            server.useHandle(h -> {
                h.execute("drop database if exists " + database + " with (force)");
                h.execute("create database " + database + " template " + template);
            });
            Jdbi target = Jdbi.create(workspace.ownerDataSource(database));
            UUID org = organization(opened.manifest());
            try {
                target.useTransaction(h -> loadFirst(h, bundle, opened.manifest(), org));
            } catch (Exception e) {
                throw new UserFacingException(loadFailure("The bundle could not be loaded for review: ", e), e);
            }
            rest = CompletableFuture.runAsync(() -> loadRest(target, bundle, org, login, callsLoaded), r -> daemon("review-loader", r));
            LOADING.put(database, rest);
        }
        String password = workspace.rememberLoginPassword(login);
        Jdbi owner = Jdbi.create(workspace.ownerDataSource(database));
        if (loaded) {
            // A copy loaded before the queue held the bundle's calls gains them; one with a queue is left as it is.
            owner.useHandle(ReviewDatabase::queueEveryCall);
        }
        try {
            owner.useHandle(h -> linkLogin(h, login, password));
        } catch (SQLException e) {
            throw new UserFacingException("The review login could not be prepared: " + e.getMessage(), e);
        }
        return new Review(new ConnectionSettings(workspace.jdbcUrl(database), login), password.toCharArray(), verification, rest);
    }

    /**
     * An empty database with the console's schema, named after the migrations' fingerprint:
     * cloning it takes a few tens of milliseconds, migrating a new database a few hundred. A console
     * with other migrations makes its own and removes the old ones.
     */
    private static synchronized String migratedTemplate(EmbeddedServer workspace, Jdbi server) {
        String template = "review_template_" + SchemaMigrator.fingerprint().substring(0, 16);
        boolean ready = server.withHandle(h -> h.createQuery("select exists (select 1 from pg_database where datname = :d and datistemplate)")
                .bind("d", template).mapTo(Boolean.class).one());
        if (!ready) {
            server.useHandle(h -> {
                for (String old : h.createQuery("select datname from pg_database where datname like 'review\\_template\\_%'").mapTo(String.class).list()) {
                    h.execute("alter database " + old + " is_template false");
                    h.execute("drop database " + old + " with (force)");
                }
                h.execute("create database " + template + " encoding 'UTF8' template template0");
            });
            SchemaMigrator.migrate(workspace.ownerDataSource(template));
            // A review database is a read-only copy loaded in bulk: nothing in it is audited or announced.
            Jdbi.create(workspace.ownerDataSource(template)).useHandle(h -> h.execute("select voxconsole.set_change_tracking(false)"));
            // Marked a template only once migrated: a half-made one (the console quit) is made again.
            server.useHandle(h -> h.execute("alter database " + template + " is_template true allow_connections false"));
        }
        return template;
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static void linkLogin(Handle h, String login, String password) throws SQLException {
        boolean exists = h.createQuery("select exists (select 1 from pg_roles where rolname = :r)").bind("r", login).mapTo(Boolean.class).one();
        if (!exists) {
            ConsoleLogins.create(h, login, "reviewer@offline.invalid", password.toCharArray());
        } else {
            h.getConnection().unwrap(org.postgresql.PGConnection.class).alterUserPassword(login, password.toCharArray(), "scram-sha-256");
            h.execute("insert into voxconsole.console_logins (login_role, profile_id) select ?, id from public.profiles "
                    + "where email = 'reviewer@offline.invalid' on conflict do nothing", login);
        }
        // The reviewer evaluates calls (issue 17), which the database allows managers; a login made by an older console
        // was a user's. The copy's other data stay read-only in the window (SignedInConsole offers no edits offline).
        h.execute("grant vox_manager to " + login);
    }

    /** The organization, the reviewer, every contact and the newest calls: enough for the first page. */
    private static void loadFirst(Handle h, Path bundle, JsonNode manifest, UUID org) throws IOException, SQLException {
        // A review database holds what the bundle holds, masked phone numbers and e-mails included.
        // The console's rules judge supervisors' edits; a review copy is nobody's edit.
        h.execute("alter table public.contacts disable trigger voxconsole_rules");
        // The calls' readings and signals are made once everything is in (loadRest): judged before the appointments, every booking would be "not found".
        KeepingTriggers.off(h);
        h.createUpdate("insert into public.organizations (id, name, email) values (:id, :name, 'review@offline.invalid')")
                .bind("id", org).bind("name", manifest.path("organization").path("name").asText("Reviewed organization")).execute();
        h.createUpdate("insert into public.profiles (org_id, email, full_name, role) values (:org, 'reviewer@offline.invalid', :name, 'manager')")
                .bind("org", org).bind("name", "Offline reviewer").execute();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            try (Reader in = reader(zip, BundleFormat.CONTACTS)) {
                copy(new BundleRows(in, BundleFormat.CONTACTS, CONTACT_COLUMNS), h.getConnection(), "public.contacts", org, Long.MAX_VALUE);
            }
            try (Reader in = reader(zip, BundleFormat.CALLS)) {
                copy(new BundleRows(in, BundleFormat.CALLS, CALL_COLUMNS), h.getConnection(), "public.calls", org, FIRST_CALLS);
            }
        }
    }

    /** The other calls in chunks (each committed, so the console sees them arrive), then appointments and tracking. */
    private static void loadRest(Jdbi target, Path bundle, UUID org, String login, LongConsumer callsLoaded) {
        try (ZipFile zip = new ZipFile(bundle.toFile()); Reader callsIn = reader(zip, BundleFormat.CALLS)) {
            BundleRows calls = new BundleRows(callsIn, BundleFormat.CALLS, CALL_COLUMNS);
            for (long skipped = 0; skipped < FIRST_CALLS && calls.next() != null; skipped++) {
                // Already loaded by loadFirst.
            }
            long loaded = FIRST_CALLS;
            while (true) {
                long copied = target.inTransaction(h -> copy(calls, h.getConnection(), "public.calls", org, CHUNK));
                loaded += copied;
                callsLoaded.accept(loaded);
                if (copied < CHUNK) {
                    break;
                }
            }
            target.useTransaction(h -> {
                try (Reader in = reader(zip, BundleFormat.APPOINTMENTS)) {
                    copy(new BundleRows(in, BundleFormat.APPOINTMENTS, APPOINTMENT_COLUMNS), h.getConnection(), "public.appointments", org, Long.MAX_VALUE);
                }
                try (Reader in = reader(zip, BundleFormat.TRACKING)) {
                    copy(new BundleRows(in, BundleFormat.TRACKING, TRACKING_COLUMNS), h.getConnection(), "public.call_tracking", org, Long.MAX_VALUE);
                }
                loadScorecards(h, zip, org);
                h.execute("analyze");
                CallBackfill.fill(h.getConnection(), CallBackfill.LOWEST, null);
                CallBackfill.fillSignals(h.getConnection(), CallBackfill.LOWEST, null);
                h.execute("analyze voxconsole.call_signals");
                queueEveryCall(h);
                // Only a complete load is reused; one cut short (the console quit) is loaded again next time.
                h.execute("create table voxconsole.review_loaded (loaded_at timestamptz not null default now(), login name not null)");
                h.execute("insert into voxconsole.review_loaded (login) values (?)", login);
            });
        } catch (Exception e) {
            throw new java.util.concurrent.CompletionException(new UserFacingException(
                    loadFailure("The rest of the bundle could not be loaded for review: ", e), e));
        }
    }

    /**
     * Offline, the bundle is the reviewer's sample: they chose its calls to review them, so every
     * one waits in the Review queue (N walks through them oldest first), each marked with the
     * signals it has, or as "in the bundle". A call already evaluated leaves the queue when its
     * evaluation is restored and submitted, as online. A copy with a queue is left as it is.
     */
    static void queueEveryCall(Handle h) {
        h.execute("""
                insert into voxconsole.review_queue (org_id, call_id, call_created_at, reasons)
                select c.org_id, c.id, c.created_at,
                       coalesce((select array_agg(distinct 'signal:' || k.kind order by 'signal:' || k.kind)
                                 from voxconsole.call_signals k where k.call_id = c.id and k.holds_from <= now()),
                                array['bundle'])
                from public.calls c
                where not exists (select 1 from voxconsole.review_queue)
                on conflict (call_id) do nothing""");
    }

    /**
     * The organization's scorecards, as exported, under their own ids: evaluations made offline
     * name those versions and questions, so they import to the server as they are. A bundle from
     * before issue 17 has none; its calls are then read, not evaluated.
     */
    private static void loadScorecards(Handle h, ZipFile zip, UUID org) throws IOException {
        try (java.io.BufferedReader in = new java.io.BufferedReader(reader(zip, BundleFormat.SCORECARDS))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode v = JSON.readTree(line);
                UUID form = UUID.fromString(v.path("formId").asText());
                UUID version = UUID.fromString(v.path("versionId").asText());
                h.createUpdate("insert into voxconsole.scorecard_forms (id, org_id, name, kind) values (:id, :org, :name, :kind)"
                                + " on conflict (id) do nothing")
                        .bind("id", form).bind("org", org).bind("name", v.path("formName").asText()).bind("kind", v.path("kind").asText("any")).execute();
                h.createUpdate("""
                                insert into voxconsole.scorecard_versions (id, org_id, form_id, version, pass_mark) values (:id, :org, :form, :version, :pass)
                                on conflict (id) do nothing""")
                        .bind("id", version).bind("org", org).bind("form", form).bind("version", v.path("version").asInt(1))
                        .bind("pass", v.path("passMark").asDouble(80)).execute();
                for (JsonNode q : v.path("questions")) {
                    h.createUpdate("""
                                    insert into voxconsole.scorecard_questions (id, org_id, version_id, section, position, prompt, help, answer_type,
                                                                                choices, weight, allows_na, critical)
                                    values (:id, :org, :version, :section, :position, :prompt, :help, :type, cast(:choices as jsonb), :weight, :na, :critical)
                                    on conflict (id) do nothing""")
                            .bind("id", UUID.fromString(q.path("id").asText())).bind("org", org).bind("version", version)
                            .bind("section", q.path("section").asText()).bind("position", q.path("position").asInt())
                            .bind("prompt", q.path("prompt").asText()).bind("help", q.path("help").isNull() ? null : q.path("help").asText())
                            .bind("type", q.path("answerType").asText())
                            .bind("choices", q.path("choices").isNull() || q.path("choices").isMissingNode() ? null : q.path("choices").toString())
                            .bind("weight", q.path("weight").asDouble(1)).bind("na", q.path("allowsNa").asBoolean())
                            .bind("critical", q.path("critical").asBoolean()).execute();
                }
            }
        } catch (IllegalArgumentException e) {
            throw new BundleContentException("its scorecards name an id that is not one");
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static Reader reader(ZipFile zip, String entry) throws IOException {
        var z = zip.getEntry(entry);
        java.io.InputStream in = z == null ? java.io.InputStream.nullInputStream() : CappedEntryStream.open(zip, z);
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** Copies up to {@code max} rows into {@code table}; returns how many. */
    private static long copy(BundleRows rows, Connection c, String table, UUID org, long max) throws IOException, SQLException {
        try (CsvCopy copy = CsvCopy.into(c, table, "org_id, " + String.join(", ", rows.columns()))) {
            long n = 0;
            for (List<BundleRows.Cell> row; n < max && (row = rows.next()) != null; ) {
                copy.value(org);
                for (BundleRows.Cell cell : row) {
                    if (cell instanceof BundleRows.Text t) {
                        copy.text(t.value());
                    } else if (cell instanceof BundleRows.Plain p) {
                        copy.value(p.value());
                    } else if (cell instanceof BundleRows.Time t) {
                        copy.time(t.value());
                    } else {
                        copy.value(null);
                    }
                }
                copy.endRow();
                n++;
            }
            copy.finish();
            return n;
        }
    }

    private static UUID organization(JsonNode manifest) {
        try {
            return UUID.fromString(manifest.path("organization").path("id").asText());
        } catch (IllegalArgumentException e) {
            throw new UserFacingException("The bundle could not be loaded for review: its manifest names no organization.", e);
        }
    }

    /** One sentence for a failed load: what in the bundle was wrong, or what the database refused in it. */
    private static String loadFailure(String start, Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof BundleContentException content) {
                return start + content.getMessage() + ".";
            }
            if (c instanceof org.postgresql.util.PSQLException sql && sql.getServerErrorMessage() != null) {
                return start + "the database refused a value in it (" + sql.getServerErrorMessage().getMessage() + ").";
            }
        }
        org.slf4j.LoggerFactory.getLogger(ReviewDatabase.class).warn("Loading a bundle failed", e);
        return start + "it is damaged.";
    }

    /** The badge while the bundle's content is still being checked. */
    public static final String CHECKING_BADGE = "offline review · checking…";

    /** The badge the console shows for a reviewed bundle. */
    public static String badge(BundleVerifier.Verification v) {
        return "offline review · " + switch (v.status()) {
            case VERIFIED -> "verified";
            case UNSIGNED -> "unsigned";
            // The fingerprint goes into trusted-keys.txt once the person knows whose key it is.
            case UNTRUSTED -> "signed by an unknown key " + v.manifest().path("keyFingerprint").asText("");
            default -> "modified";
        };
    }

}
