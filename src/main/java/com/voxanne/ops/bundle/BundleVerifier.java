package com.voxanne.ops.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a bundle against its signed manifest without unpacking it: every entry's SHA-256, no
 * missing or extra entries, the Ed25519 signature over the manifest, and (when keys are pinned)
 * that the signer is a known installation.
 */
public final class BundleVerifier {

    /** The outcome, with the exit code `voxconsole verify` uses. */
    public enum Status {
        VERIFIED(0), UNSIGNED(3), MODIFIED(3), UNTRUSTED(3), UNREADABLE(2);

        public final int exitCode;

        Status(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    /** What was found: a status, one sentence, and the manifest when it could be read. */
    public record Verification(Status status, String sentence, JsonNode manifest) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DAMAGED = "The file is not a readable bundle (not a ZIP archive, or damaged).";

    private BundleVerifier() {
    }

    /**
     * A bundle's manifest after the cheap structural checks (a ZIP, unique entry names inside its own
     * folder, a manifest of this format), with a key that identifies its content: the manifest and
     * every entry's CRC-32 and size from the ZIP directory. Reading it takes milliseconds however big
     * the bundle is; the full SHA-256 check ({@link #verify}) can then run while the bundle opens.
     * The key only names a cache (a review database); it proves nothing, the signature check does.
     */
    public record Opened(JsonNode manifest, String contentKey) {
    }

    /** @throws com.voxanne.ops.base.UserFacingException with one sentence when the file is no readable bundle */
    public static Opened open(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Structure s = structure(zip);
            if (s.failure() != null) {
                throw new com.voxanne.ops.base.UserFacingException(s.failure().sentence());
            }
            MessageDigest key = BundleWriter.sha256();
            key.update(s.manifestBytes());
            zip.stream().sorted(java.util.Comparator.comparing(ZipEntry::getName)).forEach(e ->
                    key.update((e.getName() + "\0" + e.getCrc() + "\0" + e.getSize() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new Opened(s.manifest(), HexFormat.of().formatHex(key.digest()));
        } catch (IOException e) {
            throw new com.voxanne.ops.base.UserFacingException(unreadable(e), e);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // The JDK's ZIP reader reports some damage (a name that is not UTF-8) this way.
            throw new com.voxanne.ops.base.UserFacingException(DAMAGED, e);
        }
    }

    /** The manifest and its bytes, or why the bundle cannot be one. */
    private record Structure(Set<String> names, byte[] manifestBytes, JsonNode manifest, Verification failure) {
        static Structure failed(Status status, String sentence, JsonNode manifest) {
            return new Structure(Set.of(), null, manifest, new Verification(status, sentence, manifest));
        }
    }

    private static Structure structure(ZipFile zip) throws IOException {
        if (zip.size() > BundleFormat.MAX_ENTRIES) {
            return Structure.failed(Status.MODIFIED, "The bundle has " + zip.size() + " entries; a bundle has at most "
                    + BundleFormat.MAX_ENTRIES + ".", null);
        }
        Set<String> names = new HashSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!names.add(name)) {
                return Structure.failed(Status.MODIFIED, "The bundle has two entries named " + shown(name) + ".", null);
            }
            if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains("/") || name.contains(":")) {
                return Structure.failed(Status.MODIFIED, "The bundle has an entry outside its own folder: " + shown(name) + ".", null);
            }
            if (!BundleFormat.ENTRY_NAME.matcher(name).matches()) {
                return Structure.failed(Status.MODIFIED, "The bundle has an entry no export writes: " + shown(name) + ".", null);
            }
        }
        ZipEntry manifestEntry = zip.getEntry(BundleFormat.MANIFEST);
        if (manifestEntry == null) {
            return Structure.failed(Status.UNREADABLE, "This is not a Voxanne bundle: it has no manifest.", null);
        }
        byte[] manifestBytes = readCapped(zip, manifestEntry, BundleFormat.MAX_MANIFEST_BYTES);
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            return Structure.failed(Status.MODIFIED, "The bundle's manifest is not valid JSON.", null);
        }
        if (manifest == null || !BundleFormat.FORMAT.equals(manifest.path("format").asText())) {
            return Structure.failed(Status.UNREADABLE, "This is not a Voxanne bundle: its manifest names another format.", manifest);
        }
        if (manifest.path("formatVersion").asInt() > BundleFormat.VERSION) {
            return Structure.failed(Status.UNREADABLE, "This bundle was made by a newer console (format "
                    + manifest.path("formatVersion").asInt() + "); update the console to open it.", manifest);
        }
        return new Structure(names, manifestBytes, manifest, null);
    }

    /** @param trustedFingerprints keys to accept; empty accepts any key whose signature matches */
    public static Verification verify(Path file, Set<String> trustedFingerprints) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Structure structure = structure(zip);
            if (structure.failure() != null) {
                return structure.failure();
            }
            Set<String> names = structure.names();
            byte[] manifestBytes = structure.manifestBytes();
            JsonNode manifest = structure.manifest();
            Set<String> listed = new HashSet<>();
            List<String> problems = new ArrayList<>();
            if (manifest.path("entries").size() > BundleFormat.MAX_ENTRIES) {
                return new Verification(Status.MODIFIED, "The bundle's manifest lists more entries than a bundle has.", manifest);
            }
            for (JsonNode entry : manifest.path("entries")) {
                String name = entry.path("name").asText();
                if (!listed.add(name)) {
                    // Each entry is read once: a manifest that lists one many times must not make the check read it many times.
                    return new Verification(Status.MODIFIED, "The bundle's manifest lists " + shown(name) + " twice.", manifest);
                }
                ZipEntry z = zip.getEntry(name);
                if (z == null) {
                    problems.add("the entry " + shown(name) + " is missing");
                } else if (!sha256(zip, z).equals(entry.path("sha256").asText())) {
                    problems.add("the entry " + shown(name) + " was changed");
                }
            }
            for (String name : names) {
                if (!listed.contains(name) && !name.equals(BundleFormat.MANIFEST) && !name.equals(BundleFormat.SIGNATURE)) {
                    problems.add("the entry " + name + " is not in the manifest");
                }
            }
            if (!problems.isEmpty()) {
                // The first few say what happened; a list of every entry would not be read.
                String named = String.join("; ", problems.subList(0, Math.min(3, problems.size())));
                String more = problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : "";
                return new Verification(Status.MODIFIED, "The bundle was modified: " + named + more + ".", manifest);
            }
            ZipEntry sig = zip.getEntry(BundleFormat.SIGNATURE);
            if (sig == null) {
                return new Verification(Status.UNSIGNED, "The bundle is not signed, so where it came from cannot be checked.", manifest);
            }
            byte[] signature;
            try {
                String text = new String(readCapped(zip, sig, 4096), java.nio.charset.StandardCharsets.US_ASCII);
                signature = Base64.getDecoder().decode(text);
                // Base64 has spelling variants (unused low bits of the last character): only the one an export writes is accepted.
                if (!Base64.getEncoder().encodeToString(signature).equals(text)) {
                    throw new IllegalArgumentException("not canonical Base64");
                }
            } catch (IllegalArgumentException e) {
                return new Verification(Status.MODIFIED, "The bundle's signature is damaged.", manifest);
            }
            String publicKey = manifest.path("publicKey").asText();
            if (!InstallationKey.verify(publicKey, manifestBytes, signature)) {
                return new Verification(Status.MODIFIED, "The bundle's manifest does not match its signature.", manifest);
            }
            String fingerprint = InstallationKey.fingerprint(publicKey);
            if (!trustedFingerprints.isEmpty() && !trustedFingerprints.contains(fingerprint)) {
                return new Verification(Status.UNTRUSTED, "The bundle is intact but was signed by an unknown key " + fingerprint + ".", manifest);
            }
            return new Verification(Status.VERIFIED, "The bundle is intact and signed by key " + fingerprint + ".", manifest);
        } catch (IOException e) {
            return new Verification(Status.UNREADABLE, unreadable(e), null);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            return new Verification(Status.UNREADABLE, DAMAGED, null);
        }
    }

    /**
     * One sentence for a file that cannot be read as a bundle: a limit it broke, a file the console
     * cannot open, or (for anything the ZIP reader trips over: a truncated or altered archive) damage.
     */
    private static String unreadable(IOException e) {
        if (e instanceof BundleContentException) {
            return "The bundle cannot be read: " + e.getMessage() + ".";
        }
        if (e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException) {
            return "The bundle cannot be read: there is no such file.";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "The bundle cannot be read: this account may not open it.";
        }
        return DAMAGED;
    }

    /** A name from a hostile file, shown safely: printable, and short enough for one sentence. */
    private static String shown(String name) {
        String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > 80 ? printable.substring(0, 77) + "…" : printable;
    }

    private static byte[] readCapped(ZipFile zip, ZipEntry entry, long cap) throws IOException {
        try (InputStream in = CappedEntryStream.open(zip, entry)) {
            byte[] data = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (data.length > cap) {
                throw new BundleContentException("the entry " + shown(entry.getName()) + " is larger than a bundle allows");
            }
            // The JDK's ZipFile does not check CRCs; the manifest and its signature are read whole, so they are checked here.
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(data);
            if (entry.getCrc() != -1 && crc.getValue() != entry.getCrc()) {
                throw new BundleContentException("the entry " + shown(entry.getName()) + " is damaged");
            }
            return data;
        }
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest d = BundleWriter.sha256();
        try (InputStream in = CappedEntryStream.open(zip, entry)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
