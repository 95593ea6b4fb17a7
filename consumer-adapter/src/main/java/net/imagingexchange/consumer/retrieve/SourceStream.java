// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A source's answer body whose read failures are marked as the source's, so that a retrieval can tell a source that
 * broke off (asked again by RAD-69) from a client that went away (the retrieval ends).
 */
public final class SourceStream extends FilterInputStream {

    SourceStream(InputStream in) {
        super(in);
    }

    /** Reading from the source failed. */
    public static final class SourceException extends IOException {
        SourceException(IOException cause) {
            super(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage(), cause);
        }
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw new SourceException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw new SourceException(e);
        }
    }
}
