package com.voxanne.ops.bundle;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * One entry of a bundle, read with a limit: a ZIP bomb (a few kilobytes that inflate to gigabytes)
 * is stopped once it has inflated a megabyte beyond what its stored size can honestly hold, before
 * it fills memory or the disk of a review database. Exports compress about ten to one; the limit
 * allows a hundred.
 */
public final class CappedEntryStream extends FilterInputStream {

    /** Inflated bytes every entry may have whatever its stored size: a tiny entry of repeated text is no bomb. */
    static final long FREE_BYTES = 1 << 20;
    static final long MAX_RATIO = 100;

    private final String name;
    private final long limit;
    private long inflated;

    private CappedEntryStream(InputStream in, ZipEntry entry) {
        super(in);
        this.name = entry.getName();
        long stored = Math.max(entry.getCompressedSize(), 0);
        this.limit = Math.min(BundleFormat.MAX_ENTRY_BYTES, Math.max(FREE_BYTES, stored * MAX_RATIO));
    }

    public static InputStream open(ZipFile zip, ZipEntry entry) throws IOException {
        return new CappedEntryStream(zip.getInputStream(entry), entry);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    private void count(long n) throws IOException {
        inflated += n;
        if (inflated > limit) {
            throw new BundleContentException("the entry " + name + " inflates to far more than it takes in the file (a ZIP bomb)");
        }
    }
}
