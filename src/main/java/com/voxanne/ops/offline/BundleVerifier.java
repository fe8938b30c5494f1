package com.voxanne.ops.offline;

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
import java.util.zip.ZipException;
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

    /** @throws com.voxanne.ops.UserFacingException with one sentence when the file is no readable bundle */
    public static Opened open(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Structure s = structure(zip);
            if (s.failure() != null) {
                throw new com.voxanne.ops.UserFacingException(s.failure().sentence());
            }
            MessageDigest key = BundleWriter.sha256();
            key.update(s.manifestBytes());
            zip.stream().sorted(java.util.Comparator.comparing(ZipEntry::getName)).forEach(e ->
                    key.update((e.getName() + "\0" + e.getCrc() + "\0" + e.getSize() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new Opened(s.manifest(), HexFormat.of().formatHex(key.digest()));
        } catch (ZipException e) {
            throw new com.voxanne.ops.UserFacingException("The file is not a readable bundle (not a ZIP archive, or damaged).", e);
        } catch (IOException e) {
            throw new com.voxanne.ops.UserFacingException("The bundle cannot be read: " + e.getMessage(), e);
        }
    }

    /** The manifest and its bytes, or why the bundle cannot be one. */
    private record Structure(Set<String> names, byte[] manifestBytes, JsonNode manifest, Verification failure) {
        static Structure failed(Status status, String sentence, JsonNode manifest) {
            return new Structure(Set.of(), null, manifest, new Verification(status, sentence, manifest));
        }
    }

    private static Structure structure(ZipFile zip) throws IOException {
        Set<String> names = new HashSet<>();
        Enumeration<? extends ZipEntry> all = zip.entries();
        while (all.hasMoreElements()) {
            String name = all.nextElement().getName();
            if (!names.add(name)) {
                return Structure.failed(Status.MODIFIED, "The bundle has two entries named " + name + ".", null);
            }
            if (name.contains("..") || name.startsWith("/") || name.contains("\\") || name.contains("/")) {
                return Structure.failed(Status.MODIFIED, "The bundle has an entry outside its own folder: " + name + ".", null);
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
            for (JsonNode entry : manifest.path("entries")) {
                String name = entry.path("name").asText();
                listed.add(name);
                ZipEntry z = zip.getEntry(name);
                if (z == null) {
                    problems.add("the entry " + name + " is missing");
                } else if (!sha256(zip, z).equals(entry.path("sha256").asText())) {
                    problems.add("the entry " + name + " was changed");
                }
            }
            for (String name : names) {
                if (!listed.contains(name) && !name.equals(BundleFormat.MANIFEST) && !name.equals(BundleFormat.SIGNATURE)) {
                    problems.add("the entry " + name + " is not in the manifest");
                }
            }
            if (!problems.isEmpty()) {
                return new Verification(Status.MODIFIED, "The bundle was modified: " + String.join("; ", problems) + ".", manifest);
            }
            ZipEntry sig = zip.getEntry(BundleFormat.SIGNATURE);
            if (sig == null) {
                return new Verification(Status.UNSIGNED, "The bundle is not signed, so where it came from cannot be checked.", manifest);
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(new String(readCapped(zip, sig, 4096), java.nio.charset.StandardCharsets.US_ASCII).strip());
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
        } catch (ZipException e) {
            return new Verification(Status.UNREADABLE, "The file is not a readable bundle (not a ZIP archive, or damaged).", null);
        } catch (IOException e) {
            return new Verification(Status.UNREADABLE, "The bundle cannot be read: " + e.getMessage(), null);
        }
    }

    private static byte[] readCapped(ZipFile zip, ZipEntry entry, long cap) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] data = in.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
            if (data.length > cap) {
                throw new IOException(entry.getName() + " is larger than a bundle allows");
            }
            return data;
        }
    }

    private static String sha256(ZipFile zip, ZipEntry entry) throws IOException {
        MessageDigest d = BundleWriter.sha256();
        long total = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > BundleFormat.MAX_ENTRY_BYTES) {
                    throw new IOException(entry.getName() + " is larger than a bundle allows");
                }
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }
}
