package com.voxanne.ops.db;

import java.util.regex.Pattern;

/** Reads the parts of a PostgreSQL JDBC URL that messages need, and strips secrets from it. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&](password|sslpassword)=)[^&]*");
    private static final Pattern HOST_PORT = Pattern.compile("^jdbc:postgresql://([^/?]*)");

    private JdbcUrls() {
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
