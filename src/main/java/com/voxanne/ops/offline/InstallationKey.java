package com.voxanne.ops.offline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
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
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException windows) {
                Files.createFile(tmp);
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

    static boolean verify(String publicKeyBase64, byte[] data, byte[] signature) {
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
