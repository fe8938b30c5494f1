package com.voxanne.ops.offline;

import com.voxanne.ops.bundle.BundleFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.files.Csv;
import com.voxanne.ops.files.PrivateFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A reviewer's notes on the calls of one bundle, kept in a file beside it
 * ({@code calls.voxbundle.notes.json}). Never inside the bundle: the bundle stays exactly what was
 * signed, and notes can be added to a bundle that came on a read-only stick by copying it first.
 * Every save rewrites the whole (small) file atomically, so a crash loses at most the note being typed.
 */
public final class ReviewNotes {

    /** One call's note and when it was last changed. */
    public record Note(UUID callId, String text, Instant updatedAt) {
    }

    private static final String FORMAT = "voxbundle-review-notes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path bundle;
    private final Path file;
    private final Clock clock;
    private final Map<UUID, Note> notes = new TreeMap<>();

    private ReviewNotes(Path bundle, Clock clock) {
        this.bundle = bundle;
        this.file = besideBundle(bundle);
        this.clock = clock;
    }

    public static Path besideBundle(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName() + ".notes.json");
    }

    /** The notes saved beside {@code bundle}, or none yet. A damaged notes file is reported, never overwritten. */
    public static ReviewNotes load(Path bundle) {
        return load(bundle, Clock.systemUTC());
    }

    static ReviewNotes load(Path bundle, Clock clock) {
        ReviewNotes loaded = new ReviewNotes(bundle, clock);
        if (!Files.exists(loaded.file)) {
            return loaded;
        }
        try {
            JsonNode root = JSON.readTree(loaded.file.toFile());
            if (root == null || !FORMAT.equals(root.path("format").asText())) {
                throw new UserFacingException("The notes file " + loaded.file.getFileName() + " is not a notes file of this console; move it away to start new notes.");
            }
            for (JsonNode n : root.path("notes")) {
                UUID call = UUID.fromString(n.path("callId").asText());
                loaded.notes.put(call, new Note(call, n.path("text").asText(), Instant.parse(n.path("updatedAt").asText())));
            }
            return loaded;
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new UserFacingException("The notes file " + loaded.file.getFileName() + " is damaged; move it away to start new notes.", e);
        }
    }

    public synchronized Optional<Note> note(UUID callId) {
        return Optional.ofNullable(notes.get(callId));
    }

    public synchronized int size() {
        return notes.size();
    }

    public Path file() {
        return file;
    }

    /**
     * Sets (or, for blank text, removes) a call's note and writes the file. Disk work: call it off
     * the JavaFX thread. On failure nothing changes, in memory or on disk.
     */
    public synchronized Optional<Note> save(UUID callId, String text) {
        Map<UUID, Note> next = new TreeMap<>(notes);
        Note note = null;
        if (text == null || text.isBlank()) {
            next.remove(callId);
        } else {
            note = new Note(callId, text.strip(), clock.instant());
            next.put(callId, note);
        }
        try {
            PrivateFiles.replace(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, document(next)));
        } catch (IOException e) {
            throw new UserFacingException("The note could not be saved beside the bundle (" + PrivateFiles.reason(e)
                    + "); it is still in the form. Copy the bundle to a folder you can write to and open it from there.", e);
        }
        notes.clear();
        notes.putAll(next);
        return Optional.ofNullable(note);
    }

    private ObjectNode document(Map<UUID, Note> all) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        root.put("bundle", bundle.getFileName().toString());
        ArrayNode list = root.putArray("notes");
        for (Note n : all.values()) {
            list.addObject().put("callId", n.callId().toString()).put("text", n.text()).put("updatedAt", n.updatedAt().toString());
        }
        return root;
    }

    /**
     * The notes as a spreadsheet, one row per noted call, with the call's time, caller and numbers
     * read from the bundle (streamed: a 100,000-call bundle is read once, never held). Written to a
     * temporary file and moved into place, so a failure leaves no half file. Returns the row count.
     */
    public int exportCsv(Path out) {
        Map<UUID, Note> snapshot;
        synchronized (this) {
            snapshot = new TreeMap<>(notes);
        }
        Map<UUID, JsonNode> calls = callsOf(snapshot);
        try {
            PrivateFiles.replace(out, stream -> {
                Writer w = new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8);
                w.write(Csv.row("call_id", "call_time", "direction", "caller", "from_number", "to_number", "status", "sentiment",
                        "note", "noted_at"));
                for (Note n : snapshot.values()) {
                    JsonNode c = calls.getOrDefault(n.callId(), JSON.createObjectNode());
                    w.write(Csv.row(n.callId().toString(), text(c, "created_at"), text(c, "call_direction"), text(c, "caller_name"),
                            text(c, "from_number"), text(c, "to_number"), text(c, "status"), text(c, "sentiment_label"),
                            n.text(), n.updatedAt().toString()));
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new UserFacingException("The notes could not be exported to " + out + ": " + PrivateFiles.reason(e), e);
        }
        return snapshot.size();
    }

    private Map<UUID, JsonNode> callsOf(Map<UUID, Note> wanted) {
        Map<UUID, JsonNode> found = new TreeMap<>();
        if (wanted.isEmpty()) {
            return found;
        }
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            ZipEntry entry = zip.getEntry(BundleFormat.CALLS);
            if (entry == null) {
                return found;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(zip.getInputStream(entry), StandardCharsets.UTF_8))) {
                for (String line; found.size() < wanted.size() && (line = in.readLine()) != null; ) {
                    // Cheap test before parsing: only the noted calls' lines are read as JSON.
                    int at = line.indexOf("\"id\":\"");
                    if (at < 0) {
                        continue;
                    }
                    String id = line.substring(at + 6, Math.min(line.length(), at + 42));
                    try {
                        UUID call = UUID.fromString(id);
                        if (wanted.containsKey(call)) {
                            found.put(call, JSON.readTree(line));
                        }
                    } catch (IllegalArgumentException notAnId) {
                        // Not a call line this console wrote; skip it.
                    }
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("The bundle " + bundle.getFileName() + " cannot be read to list the noted calls: " + e.getMessage(), e);
        }
        return found;
    }

    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
