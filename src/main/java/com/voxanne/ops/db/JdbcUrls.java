package com.voxanne.ops.db;

import java.util.regex.Pattern;

/** Reads the parts of a PostgreSQL JDBC URL that messages need, and strips secrets from it. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&](password|sslpassword)=)[^&]*");
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/?]*)");

    private JdbcUrls() {
    }

    /**
     * The URL without its password parameters, for remembering: the person types the password
     * each time; a URL kept in the preferences must not carry it.
     */
    public static String withoutSecrets(String url) {
        if (url == null || url.indexOf('?') < 0) {
            return url;
        }
        int q = url.indexOf('?');
        String kept = java.util.Arrays.stream(url.substring(q + 1).split("&"))
                .filter(p -> !p.isEmpty() && !p.toLowerCase(java.util.Locale.ROOT).matches("(ssl)?password(=.*)?"))
                .collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
    }

    public static String redact(String url) {
        return url == null ? null : PASSWORD_PARAM.matcher(url).replaceAll("$1***");
    }

    /** "host:port" of the URL (or the host list of a multi-host URL), for "cannot reach …" messages. */
    public static String hostPart(String url) {
        var m = HOST_PORT.matcher(url == null ? "" : url);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : "localhost:5432";
    }
}
