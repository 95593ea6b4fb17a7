// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Bytes already read, then the rest of the stream they came from; {@link #transferTo} hands the rest to the
 * underlying stream's own transferTo (a multipart body writes straight from its window), which
 * {@link java.io.SequenceInputStream} does not.
 */
final class PrefixedStream extends InputStream {

    private final byte[] head;
    private int position;
    private final InputStream rest;

    PrefixedStream(byte[] head, InputStream rest) {
        this.head = head;
        this.rest = rest;
    }

    @Override
    public int read() throws IOException {
        return position < head.length ? head[position++] & 0xFF : rest.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (position < head.length) {
            int n = Math.min(len, head.length - position);
            System.arraycopy(head, position, b, off, n);
            position += n;
            return n;
        }
        return rest.read(b, off, len);
    }

    @Override
    public long transferTo(OutputStream out) throws IOException {
        long transferred = head.length - position;
        out.write(head, position, head.length - position);
        position = head.length;
        return transferred + rest.transferTo(out);
    }

    @Override
    public void close() throws IOException {
        rest.close();
    }
}
