// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** A stream of DICOM-encoded bytes that knows its position and byte order; every short read is an error. */
final class DicomInput {

    private static final int CHUNK = 1 << 20;

    private final InputStream in;
    private long position;
    private boolean bigEndian;

    DicomInput(InputStream in, long position) {
        this.in = in;
        this.position = position;
    }

    long position() {
        return position;
    }

    void bigEndian(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    boolean isBigEndian() {
        return bigEndian;
    }

    /** One byte, or -1 at the end of the stream (the only place an end is not an error). */
    int peekEnd() throws IOException {
        in.mark(1);
        int b = in.read();
        in.reset();
        return b;
    }

    /** The next tag's group without consuming it, or -1 at the end. */
    int peekGroup() throws IOException {
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        if (b1 < 0) {
            return -1;
        }
        return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    int readUnsignedShort() throws IOException {
        int b0 = readByte();
        int b1 = readByte();
        return bigEndian ? (b0 << 8) | b1 : (b1 << 8) | b0;
    }

    /** A 32-bit value as an unsigned long. */
    long readUnsignedInt() throws IOException {
        long b0 = readByte();
        long b1 = readByte();
        long b2 = readByte();
        long b3 = readByte();
        return bigEndian ? (b0 << 24) | (b1 << 16) | (b2 << 8) | b3 : (b3 << 24) | (b2 << 16) | (b1 << 8) | b0;
    }

    int readTag() throws IOException {
        int group = readUnsignedShort();
        int element = readUnsignedShort();
        return (group << 16) | element;
    }

    int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new DicomParseException("unexpected end of data", position);
        }
        position++;
        return b;
    }

    /**
     * Exactly {@code length} bytes. Read in chunks, so that a length larger than what the stream holds ends in a
     * parse error rather than an allocation of the whole declared length.
     */
    byte[] readBytes(long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new DicomParseException("value of " + length + " bytes is too long to hold in memory", position);
        }
        int size = (int) length;
        if (size <= CHUNK) {
            byte[] bytes = in.readNBytes(size);
            advance(bytes.length, size);
            return bytes;
        }
        var out = new ByteArrayOutputStream(CHUNK);
        while (out.size() < size) {
            byte[] chunk = in.readNBytes(Math.min(CHUNK, size - out.size()));
            advance(chunk.length, Math.min(CHUNK, size - out.size()));
            out.write(chunk, 0, chunk.length);
        }
        return out.toByteArray();
    }

    void skip(long length) throws IOException {
        try {
            in.skipNBytes(length);
        } catch (EOFException e) {
            throw new DicomParseException("value of " + length + " bytes runs past the end of data", position);
        }
        position += length;
    }

    private void advance(int read, int wanted) throws DicomParseException {
        position += read;
        if (read < wanted) {
            throw new DicomParseException("unexpected end of data, " + (wanted - read) + " bytes missing", position);
        }
    }
}
