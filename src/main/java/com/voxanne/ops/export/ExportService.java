package com.voxanne.ops.export;

import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.bundle.BundleWriter;
import com.voxanne.ops.bundle.BundleFormat;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.base.AppVersion;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.calls.CallDao;
import com.voxanne.ops.calls.CallDetail;
import com.voxanne.ops.ui.CallFormats;
import com.voxanne.ops.calls.CallLogQuery;
import com.voxanne.ops.calls.Transcript;
import com.voxanne.ops.db.SqlErrors;
import com.voxanne.ops.files.Csv;
import com.voxanne.ops.files.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Exports the calls of a filter, with their transcripts, contacts, appointments and tracking rows,
 * to a signed bundle. It runs under the person's own role, so row-level security decides what can
 * leave; it reads one consistent snapshot; it streams page by page (memory does not grow with the
 * number of calls); and a failure or cancellation leaves no file. Credentials are never read.
 */
public class ExportService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportService.class);

    private static final int PAGE = 1_000;
    private static final int CHUNK = 1_000;

    private final Jdbi jdbi;
    private final KeySource keys;
    private final ObjectMapper json = new ObjectMapper();

    /** Where the signing key comes from; reading it may touch the disk, so it happens inside {@link #export}. */
    @FunctionalInterface
    private interface KeySource {
        InstallationKey get() throws IOException;
    }

    public ExportService(Jdbi jdbi, InstallationKey key) {
        this.jdbi = jdbi;
        this.keys = () -> key;
    }

    /** Signs with the installation key kept in {@code keyFile}, created on first use. */
    public ExportService(Jdbi jdbi, Path keyFile) {
        this.jdbi = jdbi;
        this.keys = () -> InstallationKey.loadOrCreate(keyFile);
    }

    /** What an export came to. */
    public record Result(Path file, long calls, long contacts, long appointments, long trackingRows, String sha256) {
    }

    /** Who exported, from where: written into the manifest. */
    public record Origin(String login, String person, String organization, UUID orgId, String server) {
    }

    /** How many calls an export of this filter will write, for the progress estimate. */
    public long countCalls(CallLogQuery filter) {
        return jdbi.withExtension(CallDao.class, dao -> dao.count(filter));
    }

    public Result export(CallLogQuery filter, Map<String, Object> filterDescription, boolean redact, Path out, Origin origin,
                         LongConsumer progress, BooleanSupplier cancelled) {
        try (BundleWriter bundle = BundleWriter.create(out)) {
            InstallationKey key = keys.get();
            long[] counts = jdbi.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, h -> {
                h.execute("set transaction read only");
                return write(h, bundle, filter, redact, progress, cancelled);
            });
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("format", BundleFormat.FORMAT);
            manifest.put("formatVersion", BundleFormat.VERSION);
            manifest.put("appVersion", AppVersion.current());
            manifest.put("exportedAt", Instant.now().toString());
            manifest.put("exportedBy", Map.of("login", origin.login(), "person", origin.person()));
            manifest.put("organization", Map.of("id", origin.orgId().toString(), "name", origin.organization()));
            manifest.put("server", origin.server());
            manifest.put("filter", filterDescription);
            manifest.put("redacted", redact);
            String sha = bundle.finish(manifest, key, json);
            String described = json.writeValueAsString(filterDescription);
            jdbi.useHandle(h -> new ExportDao(h).recordExport(described, (int) counts[0], redact, sha));
            return new Result(out, counts[0], counts[1], counts[2], counts[3], sha);
        } catch (CancellationException e) {
            throw e;
        } catch (UserFacingException e) {
            throw e;
        } catch (IOException | UncheckedIOException e) {
            throw new UserFacingException("The bundle could not be written to " + out + " (" + PrivateFiles.reason(e instanceof UncheckedIOException u ? u.getCause() : (IOException) e) + ").", e);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof CancellationException c) {
                throw c;
            }
            throw new UserFacingException(SqlErrors.describe(e, "the server"), e);
        }
    }

    /** One page of calls with their tracking rows, read ahead while the page before is written. */
    private record CallBatch(List<CallDetail> calls, List<Map<String, Object>> tracking) {
    }

    private long[] write(Handle h, BundleWriter bundle, CallLogQuery filter, boolean redact, LongConsumer progress,
                         BooleanSupplier cancelled) throws IOException {
        long writeStarted = System.nanoTime();
        java.util.Set<UUID> contactIds = new java.util.HashSet<>();
        long callRows = 0;
        long trackingRows;
        try (BundleWriter.Lines callLines = bundle.entry(BundleFormat.CALLS);
             BundleWriter.Lines csv = bundle.spooledEntry(BundleFormat.CALLS_CSV);
             BundleWriter.Lines tracking = bundle.spooledEntry(BundleFormat.TRACKING);
             Prefetch<CallBatch> pages = Prefetch.start("export-reader", 2, sink -> readCalls(h, filter, sink))) {
            csv.line("created_at,direction,from_number,to_number,caller_name,duration_seconds,status,sentiment_label,sentiment_urgency,"
                    + "sentiment_score,summary");
            while (pages.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException();
                }
                CallBatch batch = pages.next();
                for (CallDetail c : batch.calls()) {
                    callLines.line(json.writeValueAsString(callRow(c, redact)));
                    csv.line(csvRow(c, redact));
                    if (c.contactId() != null) {
                        contactIds.add(c.contactId());
                    }
                }
                for (Map<String, Object> t : batch.tracking()) {
                    if (redact) {
                        t.put("ip_address", t.get("ip_address") == null ? null : "[ip]");
                    }
                    tracking.line(json.writeValueAsString(stringify(t)));
                }
                callRows += batch.calls().size();
                progress.accept(callRows);
            }
            trackingRows = tracking.rowsSoFar();
        }
        long callsDone = System.nanoTime();
        long contactRows = 0;
        long appointmentRows = 0;
        try (BundleWriter.Lines contacts = bundle.entry(BundleFormat.CONTACTS);
             Prefetch<List<Map<String, Object>>> rows = Prefetch.start("export-reader", 2, sink -> {
                 for (List<UUID> chunk : chunks(contactIds)) {
                     sink.put(new ExportDao(h).contacts(chunk));
                 }
             })) {
            while (rows.hasNext()) {
                for (Map<String, Object> c : rows.next()) {
                    if (redact) {
                        c.put("phone", Redactor.phone((String) c.get("phone")));
                        c.put("email", Redactor.email((String) c.get("email")));
                        c.put("notes", Redactor.text((String) c.get("notes")));
                    }
                    contacts.line(json.writeValueAsString(stringify(c)));
                    contactRows++;
                }
            }
        }
        try (BundleWriter.Lines appointments = bundle.entry(BundleFormat.APPOINTMENTS);
             Prefetch<List<Map<String, Object>>> rows = Prefetch.start("export-reader", 2, sink -> {
                 for (List<UUID> chunk : chunks(contactIds)) {
                     sink.put(new ExportDao(h).appointmentsOf(chunk));
                 }
             })) {
            while (rows.hasNext()) {
                for (Map<String, Object> a : rows.next()) {
                    if (redact) {
                        a.put("notes", Redactor.text((String) a.get("notes")));
                        a.put("description", Redactor.text((String) a.get("description")));
                    }
                    appointments.line(json.writeValueAsString(stringify(a)));
                    appointmentRows++;
                }
            }
        }
        // The forms its calls are scored on, so the bundle can be evaluated offline (docs/QUALITY.md).
        try (BundleWriter.Lines scorecards = bundle.entry(BundleFormat.SCORECARDS)) {
            for (String line : new ExportDao(h).scorecards()) {
                scorecards.line(line);
            }
        }
        LOG.info("Export: {} calls in {} ms, then contacts and appointments in {} ms", callRows, (callsDone - writeStarted) / 1_000_000,
                (System.nanoTime() - callsDone) / 1_000_000);
        return new long[] {callRows, contactRows, appointmentRows, trackingRows};
    }

    /** The reading side of the calls: pages by keyset in the export's snapshot, each with its tracking rows. */
    private static void readCalls(Handle h, CallLogQuery filter, Prefetch.Sink<CallBatch> sink) throws InterruptedException {
        CallDao calls = h.attach(CallDao.class);
        CallLogQuery q = filter.limit() == PAGE ? filter : withLimit(filter);
        List<CallDetail> page;
        do {
            page = calls.detailPage(q);
            List<UUID> ids = page.stream().map(CallDetail::id).toList();
            List<Map<String, Object>> tracking = ids.isEmpty() ? List.of() : new ExportDao(h).trackingOf(ids);
            sink.put(new CallBatch(page, tracking));
            if (!page.isEmpty()) {
                CallDetail last = page.get(page.size() - 1);
                q = q.after(new com.voxanne.ops.calls.CallCursor(last.createdAt(), last.id(), last.durationSeconds() == null ? -1 : last.durationSeconds()));
            }
        } while (page.size() == PAGE);
    }

    private static CallLogQuery withLimit(CallLogQuery q) {
        return new CallLogQuery(q.orgId(), q.from(), q.to(), q.directions(), q.statuses(), q.sentimentLabels(), q.urgencies(), q.contactId(),
                q.text(), q.after(), q.sort(), PAGE, q.signals(), q.onlyIds());
    }

    private Map<String, Object> callRow(CallDetail c, boolean redact) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id().toString());
        row.put("created_at", c.createdAt().toString());
        row.put("updated_at", c.updatedAt().toString());
        row.put("call_direction", c.callDirection());
        row.put("from_number", redact ? Redactor.phone(c.fromNumber()) : c.fromNumber());
        row.put("to_number", redact ? Redactor.phone(c.toNumber()) : c.toNumber());
        row.put("phone_number", redact ? Redactor.phone(c.phoneNumber()) : c.phoneNumber());
        row.put("contact_id", c.contactId() == null ? null : c.contactId().toString());
        row.put("caller_name", c.callerName());
        row.put("duration_seconds", c.durationSeconds());
        row.put("status", c.status());
        row.put("summary", redact ? Redactor.text(c.summary()) : c.summary());
        row.put("sentiment_label", c.sentimentLabel());
        row.put("sentiment_score", c.sentimentScore());
        row.put("sentiment_summary", redact ? Redactor.text(c.sentimentSummary()) : c.sentimentSummary());
        row.put("sentiment_urgency", c.sentimentUrgency());
        row.put("vapi_call_id", c.vapiCallId());
        row.put("recording_url", c.recordingUrl());
        String transcript = redact ? Redactor.text(c.transcript()) : c.transcript();
        row.put("transcript", transcript);
        List<Map<String, String>> turns = new ArrayList<>();
        for (Transcript.Turn t : Transcript.parse(transcript).turns()) {
            turns.add(Map.of("speaker", t.speaker().name().toLowerCase(java.util.Locale.ROOT), "text", t.text()));
        }
        row.put("turns", turns);
        return row;
    }

    private static String csvRow(CallDetail c, boolean redact) {
        return String.join(",", Csv.field(c.createdAt().toString()), Csv.field(c.callDirection()),
                Csv.field(redact ? Redactor.phone(c.fromNumber()) : c.fromNumber()), Csv.field(redact ? Redactor.phone(c.toNumber()) : c.toNumber()),
                Csv.field(c.callerName()), Csv.field(c.durationSeconds() == null ? "" : c.durationSeconds().toString()), Csv.field(c.status()),
                Csv.field(c.sentimentLabel()), Csv.field(c.sentimentUrgency()), Csv.field(CallFormats.score(c.sentimentScore())),
                Csv.field(redact ? Redactor.text(c.summary()) : c.summary()));
    }

    private static Map<String, Object> stringify(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((k, v) -> out.put(k, v instanceof UUID || v instanceof java.time.temporal.Temporal || v instanceof java.sql.Timestamp
                ? (v instanceof java.sql.Timestamp ts ? ts.toInstant().toString() : v.toString()) : v));
        return out;
    }

    /** The ids in order (contacts.jsonl lists contacts by id) and in chunks of a size one query takes. */
    private static List<List<UUID>> chunks(java.util.Set<UUID> ids) {
        List<List<UUID>> out = new ArrayList<>();
        List<UUID> current = new ArrayList<>(CHUNK);
        for (UUID id : new TreeSet<>(ids)) {
            current.add(id);
            if (current.size() == CHUNK) {
                out.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
