package com.voxanne.ops.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.jar.JarFile;

/** Reads the migration scripts of a class-path folder, whether it is a directory (tests, `mvn`) or inside the jar. */
final class MigrationScripts {

    private MigrationScripts() {
    }

    /** SHA-256 over the sorted names and contents of the folder's .sql files, in hex. */
    static String digest(String folder) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            read(folder).forEach((name, content) -> {
                d.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(content);
                d.update((byte) 0);
            });
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The highest version among the folder's versioned migrations (V12__… is 12). */
    static int latestVersion(String folder) {
        return read(folder).keySet().stream().map(VERSIONED::matcher).filter(java.util.regex.Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max()
                .orElseThrow(() -> new IllegalStateException("No versioned migrations in " + folder));
    }

    private static final java.util.regex.Pattern VERSIONED = java.util.regex.Pattern.compile("V(\\d+)__.*\\.sql");

    /** The folder's .sql files by name. */
    private static TreeMap<String, byte[]> read(String folder) {
        TreeMap<String, byte[]> scripts = new TreeMap<>();
        try {
            URL url = MigrationScripts.class.getClassLoader().getResource(folder);
            if (url == null) {
                throw new IllegalStateException("No " + folder + " on the class path");
            }
            if ("jar".equals(url.getProtocol())) {
                JarURLConnection connection = (JarURLConnection) url.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    for (var e : java.util.Collections.list(jar.entries())) {
                        if (e.getName().startsWith(folder + "/") && e.getName().endsWith(".sql")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                scripts.put(e.getName().substring(folder.length() + 1), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                try (var files = Files.list(Path.of(url.toURI()))) {
                    for (Path p : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                        scripts.put(p.getFileName().toString(), Files.readAllBytes(p));
                    }
                }
            }
            return scripts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
