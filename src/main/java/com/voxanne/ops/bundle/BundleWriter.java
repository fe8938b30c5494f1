package com.voxanne.ops.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.voxanne.ops.files.PrivateFiles;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a bundle to a hidden temporary file beside the target and moves it into place only when
 * complete, so a failed or cancelled export leaves no half file. Entries that are produced in
 * parallel (the CSV, tracking rows) are spooled to temporary files and copied in at the end.
 * Compression runs on a thread of its own, fed in chunks, while the caller turns the next rows
 * into JSON: deflating is a third of an export's work.
 */
public final class BundleWriter implements AutoCloseable {

    /** One entry of the manifest. */
    record Entry(String name, long rows, long bytes, String sha256) {
    }

    private final Path target;
    private final Path partial;
    private final ZipOutputStream zip;
    private final List<Entry> entries = new ArrayList<>();
    private final List<Path> spools = new ArrayList<>();
    private boolean finished;

    /** Owns {@link #zip}: every ZIP operation runs here, in the order it was handed over. */
    private final java.util.concurrent.ExecutorService zipThread = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bundle-zip");
        t.setDaemon(true);
        return t;
    });
    /** Chunks handed over and not yet compressed: bounds the memory a fast producer can fill. */
    private final java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(16);
    private volatile IOException zipFailure;

    private interface ZipWork {
        void run() throws IOException;
    }

    /** Runs {@code work} on the ZIP's thread and waits for it. */
    private void onZip(ZipWork work) throws IOException {
        try {
            zipThread.submit(() -> {
                work.run();
                return null;
            }).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while writing the bundle");
        }
        if (zipFailure != null) {
            throw zipFailure;
        }
    }

    /** Hands {@code chunk} to the ZIP's thread without waiting (unless too many are queued). */
    private void toZip(byte[] chunk, int length) throws IOException {
        if (zipFailure != null) {
            throw zipFailure;
        }
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while writing the bundle");
        }
        zipThread.execute(() -> {
            try {
                if (zipFailure == null) {
                    zip.write(chunk, 0, length);
                }
            } catch (IOException e) {
                zipFailure = e;
            } finally {
                inFlight.release();
            }
        });
    }

    /** An entry's bytes, gathered into chunks for the ZIP's thread. */
    private final class ZipChunks extends OutputStream {
        private byte[] buffer = new byte[1 << 17];
        private int used;

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                handOver();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    handOver();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        @Override
        public void flush() throws IOException {
            if (used > 0) {
                handOver();
            }
        }

        private void handOver() throws IOException {
            byte[] full = buffer;
            int length = used;
            buffer = new byte[1 << 17];
            used = 0;
            toZip(full, length);
        }
    }

    private BundleWriter(Path target, Path partial) throws IOException {
        this.target = target;
        this.partial = partial;
        // Transcripts of patients: the bundle is the person's own file (0600), from its first byte.
        PrivateFiles.createPrivate(partial);
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16), StandardCharsets.UTF_8);
        // Fastest deflate: an export is bound by compression at the default level (3x slower for a
        // bundle about a fifth smaller); transcripts compress well either way.
        this.zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
    }

    public static BundleWriter create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        return new BundleWriter(target, dir.resolve("." + target.getFileName() + ".partial-" + UUID.randomUUID()));
    }

    /** A line-oriented sink for one entry, counting rows and hashing as it goes. */
    public final class Lines implements AutoCloseable {
        private final String name;
        private final OutputStream out;
        private final MessageDigest digest;
        private final CountingStream counter;
        private final Path spool;
        private long rows;

        private Lines(String name, OutputStream sink, Path spool) {
            this.name = name;
            this.spool = spool;
            this.digest = sha256();
            this.counter = new CountingStream(sink);
            this.out = new DigestOutputStream(counter, digest);
        }

        public long rowsSoFar() {
            return rows;
        }

        public void line(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            rows++;
        }

        @Override
        public void close() throws IOException {
            out.flush();
            Entry entry = new Entry(name, rows, counter.count, HexFormat.of().formatHex(digest.digest()));
            if (spool == null) {
                onZip(zip::closeEntry);
                entries.add(entry);
            } else {
                counter.closeUnderlying();
                spooled.add(entry);
            }
        }
    }

    private final List<Entry> spooled = new ArrayList<>();

    /** An entry written straight into the ZIP; only one may be open at a time. */
    public Lines entry(String name) throws IOException {
        onZip(() -> zip.putNextEntry(new ZipEntry(name)));
        return new Lines(name, new ZipChunks(), null);
    }

    /** An entry written to a spool file now and copied into the ZIP by {@link #finish}. */
    public Lines spooledEntry(String name) throws IOException {
        Path spool = partial.resolveSibling(partial.getFileName() + "." + name);
        spools.add(spool);
        PrivateFiles.createPrivate(spool);
        return new Lines(name, new BufferedOutputStream(Files.newOutputStream(spool), 1 << 16), spool);
    }

    /**
     * Copies spooled entries in, writes the manifest and its signature, and moves the bundle into
     * place. Returns the SHA-256 of the whole bundle file.
     */
    public String finish(Map<String, Object> manifestFields, InstallationKey key, ObjectMapper json) throws IOException {
        for (Entry e : spooled) {
            Path spool = partial.resolveSibling(partial.getFileName() + "." + e.name());
            onZip(() -> {
                zip.putNextEntry(new ZipEntry(e.name()));
                try (InputStream in = Files.newInputStream(spool)) {
                    in.transferTo(new com.voxanne.ops.files.NonClosingStream(zip));
                }
                zip.closeEntry();
            });
            entries.add(e);
        }
        Map<String, Object> manifest = new LinkedHashMap<>(manifestFields);
        List<Map<String, Object>> listed = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("rows", e.rows());
            m.put("bytes", e.bytes());
            m.put("sha256", e.sha256());
            listed.add(m);
        }
        manifest.put("entries", listed);
        manifest.put("publicKey", key.publicKeyBase64());
        manifest.put("keyFingerprint", key.fingerprint());
        byte[] manifestBytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        byte[] signature = Base64.getEncoder().encode(key.sign(manifestBytes));
        onZip(() -> {
            zip.putNextEntry(new ZipEntry(BundleFormat.MANIFEST));
            zip.write(manifestBytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(BundleFormat.SIGNATURE));
            zip.write(signature);
            zip.closeEntry();
            zip.close();
        });
        zipThread.shutdown();
        String sha = fileSha256(partial);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        finished = true;
        return sha;
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            try {
                onZip(zip::close);
            } catch (IOException ignored) {
                // Being discarded anyway.
            }
            zipThread.shutdownNow();
            Files.deleteIfExists(partial);
        }
        for (Path spool : spools) {
            Files.deleteIfExists(spool);
        }
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fileSha256(Path file) throws IOException {
        MessageDigest d = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(d.digest());
    }

    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        void closeUnderlying() throws IOException {
            out.close();
        }
    }
}
