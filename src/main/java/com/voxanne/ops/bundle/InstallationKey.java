package com.voxanne.ops.bundle;

import com.voxanne.ops.files.PrivateFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * This installation's Ed25519 signing key (JDK, no extra library). Made on first use and kept in
 * the per-user data folder, readable by the user only; the public half travels in every bundle.
 */
public final class InstallationKey {

    private final KeyPair pair;

    private InstallationKey(KeyPair pair) {
        this.pair = pair;
    }

    public static InstallationKey loadOrCreate(Path file) throws IOException {
        try {
            if (Files.exists(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
                KeyFactory f = KeyFactory.getInstance("Ed25519");
                PrivateKey priv = f.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(lines.get(0))));
                PublicKey pub = f.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(lines.get(1))));
                return new InstallationKey(new KeyPair(pub, priv));
            }
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String encoded = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n";
            PrivateFiles.replace(file, out -> out.write(encoded.getBytes(StandardCharsets.US_ASCII)));
            return new InstallationKey(pair);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("The installation's signing key in " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The keys this console trusts for bundles: its own, plus one fingerprint per line in
     * {@code trusted-keys.txt} beside the key (colleagues' installations; # starts a comment).
     */
    public static java.util.Set<String> trustedFingerprints(Path keyFile) throws IOException {
        java.util.Set<String> trusted = new java.util.TreeSet<>();
        trusted.add(loadOrCreate(keyFile).fingerprint());
        Path list = keyFile.resolveSibling("trusted-keys.txt");
        if (Files.exists(list)) {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String fp = line.replaceAll("#.*", "").strip();
                if (!fp.isEmpty()) {
                    trusted.add(fp.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return trusted;
    }

    /**
     * Adds a colleague's key to {@code trusted-keys.txt}, with a comment saying whose it is. The
     * person decides whose key it is (by comparing fingerprints); the console only remembers it.
     */
    public static void trust(Path keyFile, String fingerprint, String whose) throws IOException {
        String fp = fingerprint.strip().toLowerCase(java.util.Locale.ROOT);
        if (!fp.matches("([0-9a-f]{2}:){15}[0-9a-f]{2}")) {
            throw new IllegalArgumentException("Not a key fingerprint: " + fingerprint);
        }
        Path list = keyFile.resolveSibling("trusted-keys.txt");
        StringBuilder text = new StringBuilder();
        if (Files.exists(list)) {
            text.append(Files.readString(list, StandardCharsets.UTF_8));
            if (text.length() > 0 && text.charAt(text.length() - 1) != '\n') {
                text.append('\n');
            }
        } else {
            text.append("# Keys of colleagues' installations whose bundles this console trusts; one fingerprint per line.\n");
        }
        text.append(fp).append("  # ").append(whose.replaceAll("[\\r\\n]", " ")).append('\n');
        PrivateFiles.replace(list, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(pair.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    /** The public key as X.509 DER, Base64: what the manifest carries. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    /** A short fingerprint people can compare and pin: SHA-256 of the public key, first 16 bytes in hex. */
    public String fingerprint() {
        return fingerprint(publicKeyBase64());
    }

    public static String fingerprint(String publicKeyBase64) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKeyBase64));
            return HexFormat.ofDelimiter(":").formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signature} is the key's over {@code data}; a malformed key or signature is simply not. */
    public static boolean verify(String publicKeyBase64, byte[] data, byte[] signature) {
        try {
            PublicKey pub = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(pub);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
