package com.voxanne.ops.offline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.UserFacingException;
import com.voxanne.ops.db.ConnectionSettings;
import com.voxanne.ops.db.CsvCopy;
import com.voxanne.ops.db.SchemaMigrator;
import com.voxanne.ops.logins.ConsoleLogins;
import com.voxanne.ops.workspace.EmbeddedWorkspace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReviewDatabase() {
    }

    /** Where to sign in to review a bundle. */
    public record Review(ConnectionSettings settings, char[] password, BundleVerifier.Verification verification) {
    }

    public static Review open(EmbeddedWorkspace workspace, Path bundle, LongConsumer callsLoaded) {
        return open(workspace, bundle, java.util.Set.of(), callsLoaded);
    }

    /** @param trustedKeys fingerprints of the keys this console trusts; a bundle signed by another key is shown as such */
    public static Review open(EmbeddedWorkspace workspace, Path bundle, java.util.Set<String> trustedKeys, LongConsumer callsLoaded) {
        BundleVerifier.Verification verification = BundleVerifier.verify(bundle, trustedKeys);
        if (verification.status() == BundleVerifier.Status.UNREADABLE || verification.manifest() == null) {
            throw new UserFacingException(verification.sentence());
        }
        String sha;
        try {
            sha = BundleWriter.fileSha256(bundle);
        } catch (IOException e) {
            throw new UserFacingException("The bundle cannot be read: " + e.getMessage(), e);
        }
        String database = "review_" + sha.substring(0, 16);
        String login = database + "_reader";
        Jdbi server = Jdbi.create(workspace.ownerDataSource("postgres"));
        boolean loaded = server.withHandle(h -> h.createQuery("select exists (select 1 from pg_database where datname = :d)")
                .bind("d", database).mapTo(Boolean.class).one())
                && Jdbi.create(workspace.ownerDataSource(database)).withHandle(h -> h.createQuery(
                        "select exists (select 1 from pg_tables where schemaname = 'private' and tablename = 'review_loaded')").mapTo(Boolean.class).one());
        if (!loaded) {
            server.useHandle(h -> {
                h.execute("drop database if exists " + database + " with (force)");
                h.execute("create database " + database + " encoding 'UTF8' template template0");
            });
            SchemaMigrator.migrate(workspace.ownerDataSource(database));
            try {
                Jdbi.create(workspace.ownerDataSource(database)).useTransaction(h -> load(h, bundle, verification.manifest(), login, callsLoaded));
            } catch (Exception e) {
                throw new UserFacingException("The bundle could not be loaded for review: " + e.getMessage(), e);
            }
        }
        String password = workspace.rememberLoginPassword(login);
        Jdbi owner = Jdbi.create(workspace.ownerDataSource(database));
        try {
            owner.useHandle(h -> linkLogin(h, login, password));
        } catch (SQLException e) {
            throw new UserFacingException("The review login could not be prepared: " + e.getMessage(), e);
        }
        return new Review(new ConnectionSettings(workspace.jdbcUrl(database), login), password.toCharArray(), verification);
    }

    private static void linkLogin(Handle h, String login, String password) throws SQLException {
        boolean exists = h.createQuery("select exists (select 1 from pg_roles where rolname = :r)").bind("r", login).mapTo(Boolean.class).one();
        if (!exists) {
            ConsoleLogins.create(h, login, "reviewer@offline.invalid", password.toCharArray());
        } else {
            h.getConnection().unwrap(org.postgresql.PGConnection.class).alterUserPassword(login, password.toCharArray(), "scram-sha-256");
            h.execute("insert into private.console_logins (login_role, profile_id) select ?, id from public.profiles "
                    + "where email = 'reviewer@offline.invalid' on conflict do nothing", login);
        }
    }

    private static void load(Handle h, Path bundle, JsonNode manifest, String login, LongConsumer callsLoaded) throws IOException, SQLException {
        // A review database holds what the bundle holds, masked phone numbers and e-mails included.
        h.execute("alter domain public.phone_e164 drop constraint phone_e164_format");
        h.execute("alter domain public.email_address drop constraint email_address_format");
        UUID org = UUID.fromString(manifest.path("organization").path("id").asText());
        h.createUpdate("insert into public.organizations (id, name, email) values (:id, :name, 'review@offline.invalid')")
                .bind("id", org).bind("name", manifest.path("organization").path("name").asText("Reviewed organization")).execute();
        h.createUpdate("insert into public.profiles (org_id, email, full_name, role) values (:org, 'reviewer@offline.invalid', :name, 'user')")
                .bind("org", org).bind("name", "Offline reviewer").execute();
        Connection c = h.getConnection();
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            copy(zip, BundleFormat.CONTACTS, c, "public.contacts",
                    List.of("id", "phone", "email", "first_name", "last_name", "lead_status", "lead_score", "notes", "last_contacted_at",
                            "created_at", "updated_at"), org, n -> { });
            copy(zip, BundleFormat.CALLS, c, "public.calls",
                    List.of("id", "created_at", "updated_at", "call_direction", "from_number", "to_number", "phone_number", "contact_id",
                            "caller_name", "duration_seconds", "status", "summary", "sentiment_label", "sentiment_score", "sentiment_summary",
                            "sentiment_urgency", "vapi_call_id", "recording_url", "transcript"), org, callsLoaded);
            copy(zip, BundleFormat.APPOINTMENTS, c, "public.appointments",
                    List.of("id", "contact_id", "title", "description", "scheduled_at", "duration_minutes", "status", "location", "notes",
                            "reminder_sent_at", "created_at", "updated_at"), org, n -> { });
            copy(zip, BundleFormat.TRACKING, c, "public.call_tracking",
                    List.of("id", "call_id", "contact_id", "tracked_url", "utm_source", "utm_medium", "utm_campaign", "device_type", "browser",
                            "os", "ip_address", "location", "created_at"), org, n -> { });
        }
        h.execute("analyze");
        h.execute("create table private.review_loaded (loaded_at timestamptz not null default now(), login name not null)");
        h.execute("insert into private.review_loaded (login) values (?)", login);
    }

    private static void copy(ZipFile zip, String entry, Connection c, String table, List<String> columns, UUID org, LongConsumer progress)
            throws IOException, SQLException {
        var z = zip.getEntry(entry);
        if (z == null) {
            return;
        }
        try (CsvCopy copy = CsvCopy.into(c, table, "org_id, " + String.join(", ", columns));
             BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(z), StandardCharsets.UTF_8))) {
            long n = 0;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode row = JSON.readTree(line);
                copy.value(org);
                for (String column : columns) {
                    JsonNode v = row.get(column);
                    if (v == null || v.isNull()) {
                        copy.value(null);
                    } else if (v.isNumber() || v.isBoolean()) {
                        copy.value(v.asText());
                    } else if (column.endsWith("_at")) {
                        copy.time(Instant.parse(v.asText()));
                    } else {
                        copy.text(v.asText());
                    }
                }
                copy.endRow();
                if (++n % 5_000 == 0) {
                    progress.accept(n);
                }
            }
            copy.finish();
            progress.accept(n);
        }
    }

    /** The badge the console shows for a reviewed bundle. */
    public static String badge(BundleVerifier.Verification v) {
        return "offline review · " + switch (v.status()) {
            case VERIFIED -> "verified";
            case UNSIGNED -> "unsigned";
            case UNTRUSTED -> "signed by an unknown key";
            default -> "modified";
        };
    }

}
