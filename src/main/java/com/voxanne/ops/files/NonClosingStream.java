package com.voxanne.ops.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An output stream whose close only flushes: for writers such as Jackson's, which close what they
 * are given, over a stream that must stay open (a ZIP's next entry, a channel still to be forced).
 */
public final class NonClosingStream extends FilterOutputStream {

    public NonClosingStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        // FilterOutputStream would write byte by byte.
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
