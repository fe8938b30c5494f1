package com.voxanne.ops.db;

import com.voxanne.ops.base.UserFacingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * How the sign-in form protects the connection, as pgJDBC's sslmode. Unencrypted is offered for a
 * server on this computer only; elsewhere the traffic is encrypted, and verified against the CA
 * certificate the provider gives when the person chooses it.
 */
public enum SecureConnection {
    OFF("Off (a server on this computer only)", "disable"),
    REQUIRE("Encrypted", "require"),
    VERIFY_FULL("Encrypted and verified (CA certificate)", "verify-full");

    private static final Set<String> THIS_COMPUTER = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final String label;
    private final String sslMode;

    SecureConnection(String label, String sslMode) {
        this.label = label;
        this.sslMode = sslMode;
    }

    /** What a new server starts with: encrypted, unless it is on this computer. */
    public static SecureConnection defaultFor(String host) {
        return isThisComputer(host) ? OFF : REQUIRE;
    }

    public static boolean isThisComputer(String host) {
        return THIS_COMPUTER.contains(host.strip().toLowerCase(Locale.ROOT));
    }

    /** The URL parameters for this choice, checked first: one sentence for a choice that cannot work. */
    public String parameters(String host, String caFile) {
        if (this == OFF && !isThisComputer(host)) {
            throw new UserFacingException("An unencrypted connection is only for a server on this computer: choose Encrypted for " + host + ".");
        }
        if (this == VERIFY_FULL && (caFile == null || caFile.isBlank())) {
            throw new UserFacingException("Choose the server's CA certificate file to verify it (your provider offers it for download;"
                    + " on Supabase under Database settings, SSL certificate), or choose Encrypted.");
        }
        String params = "sslmode=" + sslMode;
        if (this == VERIFY_FULL) {
            params += "&sslrootcert=" + URLEncoder.encode(caFile.strip(), StandardCharsets.UTF_8);
        }
        return params;
    }

    @Override
    public String toString() {
        return label;
    }
}
