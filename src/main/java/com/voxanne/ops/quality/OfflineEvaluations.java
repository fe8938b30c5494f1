package com.voxanne.ops.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.bundle.InstallationKey;
import com.voxanne.ops.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Evaluations made offline, kept beside the bundle they are of ({@code calls.voxbundle.evaluations.json}),
 * as reviewer notes are: never inside it, so the bundle stays exactly what was signed. The file is
 * signed by the reviewer's installation key over the bundle's SHA-256 and the evaluations, so an
 * import can tell the reviewer's work from a file changed afterwards. Each evaluation carries the id
 * it was made with: imported twice, it is found the second time and added once.
 */
public final class OfflineEvaluations {

    private static final String FORMAT = "voxbundle-evaluations";

    /** One comment, pinned to a turn (from 0) or to the whole call. */
    public record Comment(Integer turnIndex, String body) {
    }

    /** One evaluation as the reviewer left it: a draft, or submitted. */
    public record Made(UUID id, UUID callId, UUID versionId, String status, List<Answer> answers, List<Comment> comments,
                       Instant updatedAt) {

        public Made {
            answers = List.copyOf(answers);
            comments = List.copyOf(comments);
        }

        public boolean submitted() {
            return Evaluation.SUBMITTED.equals(status);
        }
    }

    /** What a signed file holds, once its signature is checked: the evaluations and whose key signed them. */
    public record Signed(String bundleSha256, String signerFingerprint, List<Made> evaluations) {

        public Signed {
            evaluations = List.copyOf(evaluations);
        }
    }

    private OfflineEvaluations() {
    }

    public static Path besideBundle(Path bundle) {
        return bundle.resolveSibling(bundle.getFileName() + ".evaluations.json");
    }

    /** Writes (replaces, atomically) the evaluations kept beside {@code bundle}, signed by {@code key}. */
    public static void write(Path bundle, String bundleSha256, InstallationKey key, List<Made> evaluations) throws IOException {
        ArrayNode list = ScorecardService.JSON.createArrayNode();
        for (Made m : evaluations) {
            ObjectNode e = list.addObject();
            e.put("id", m.id().toString()).put("callId", m.callId().toString()).put("versionId", m.versionId().toString())
                    .put("status", m.status()).put("updatedAt", m.updatedAt().toString());
            ArrayNode answers = e.putArray("answers");
            for (Answer a : m.answers()) {
                ObjectNode answer = answers.addObject().put("questionId", a.questionId().toString()).put("notApplicable", a.notApplicable());
                if (a.value() == null) {
                    answer.putNull("value");
                } else {
                    answer.put("value", a.value());
                }
            }
            ArrayNode comments = e.putArray("comments");
            for (Comment c : m.comments()) {
                ObjectNode comment = comments.addObject().put("body", c.body());
                if (c.turnIndex() == null) {
                    comment.putNull("turnIndex");
                } else {
                    comment.put("turnIndex", c.turnIndex());
                }
            }
        }
        ObjectNode root = ScorecardService.JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("bundleSha256", bundleSha256);
        root.put("publicKey", key.publicKeyBase64());
        root.put("keyFingerprint", key.fingerprint());
        root.set("evaluations", list);
        root.put("signature", Base64.getEncoder().encodeToString(key.sign(signed(bundleSha256, list))));
        PrivateFiles.replace(besideBundle(bundle), out -> out.write(ScorecardService.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root)));
    }

    /**
     * Reads and checks the evaluations kept beside {@code bundle}: one sentence and nothing read when
     * there are none, the file is not one of these, or it was changed after it was signed.
     */
    public static Signed read(Path bundle) {
        Path file = besideBundle(bundle);
        if (!Files.exists(file)) {
            throw new UserFacingException("There are no offline evaluations beside " + bundle.getFileName() + " (no "
                    + file.getFileName() + ").");
        }
        JsonNode root;
        try {
            root = ScorecardService.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserFacingException("The offline evaluations " + file.getFileName() + " are damaged: they are not JSON.", e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new UserFacingException(file.getFileName() + " is not a file of offline evaluations.");
        }
        String sha = root.path("bundleSha256").asText();
        String publicKey = root.path("publicKey").asText();
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(root.path("signature").asText());
        } catch (IllegalArgumentException e) {
            signature = new byte[0];
        }
        JsonNode list = root.path("evaluations");
        if (!list.isArray() || !InstallationKey.verify(publicKey, signed(sha, list), signature)) {
            throw new UserFacingException("The offline evaluations " + file.getFileName()
                    + " were changed after the reviewer signed them; nothing was imported.");
        }
        List<Made> made = new ArrayList<>();
        try {
            for (JsonNode e : list) {
                List<Answer> answers = new ArrayList<>();
                for (JsonNode a : e.path("answers")) {
                    answers.add(new Answer(UUID.fromString(a.path("questionId").asText()), a.path("value").isNull() ? null : a.path("value").asInt(),
                            a.path("notApplicable").asBoolean()));
                }
                List<Comment> comments = new ArrayList<>();
                for (JsonNode c : e.path("comments")) {
                    comments.add(new Comment(c.path("turnIndex").isNull() || c.path("turnIndex").isMissingNode() ? null : c.path("turnIndex").asInt(),
                            c.path("body").asText()));
                }
                made.add(new Made(UUID.fromString(e.path("id").asText()), UUID.fromString(e.path("callId").asText()),
                        UUID.fromString(e.path("versionId").asText()), e.path("status").asText(), answers, comments,
                        Instant.parse(e.path("updatedAt").asText())));
            }
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new UserFacingException("The offline evaluations " + file.getFileName() + " hold an id or a time that is not one.", e);
        }
        return new Signed(sha, InstallationKey.fingerprint(publicKey), made);
    }

    /** The signed bytes: the bundle's digest and the evaluations as written, so neither can be swapped. */
    private static byte[] signed(String bundleSha256, JsonNode evaluations) {
        try {
            return (bundleSha256 + "\n" + ScorecardService.JSON.writeValueAsString(evaluations)).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
