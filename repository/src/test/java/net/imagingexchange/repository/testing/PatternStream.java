// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.InputStream;

/** {@code size} bytes of a repeating, position-dependent pattern, generated as they are read. */
public final class PatternStream extends InputStream {
    private final long size;
    private long position;

    public PatternStream(long size) {
        this.size = size;
    }

    @Override
    public int read() {
        return position < size ? (int) ((position++ * 31 + (position >>> 12)) & 0xff) : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (position >= size) {
            return -1;
        }
        int n = (int) Math.min(length, size - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) read();
        }
        return n;
    }
}
