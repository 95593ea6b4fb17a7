// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import net.imagingexchange.dicom.web.MultipartWriter;

/**
 * A multipart body whose boundary is longer than the 70 characters of RFC 2046 5.1.1, with every "--boundary"
 * replaced, as it streams, by "--" and a fresh random boundary that {@link
 * net.imagingexchange.dicom.web.MultipartReader} accepts. Orthanc's DICOMweb plugin 1.7 writes STOW-RS bodies with
 * two UUIDs joined as boundary (73 characters). The search is a Knuth-Morris-Pratt automaton fed byte by byte, so
 * a boundary split across reads is found; the bytes of a partial match are held back until it fails.
 */
final class LongBoundary extends FilterInputStream {

    static final int MAX = 70;

    private final byte[] pattern;
    private final byte[] replacement;
    private final int[] failure;
    private final byte[] block;
    private final byte[] out;
    private int outStart;
    private int outEnd;
    private int state;
    private boolean eof;

    /** {@code body} if its boundary is at most {@link #MAX} characters, else the body with it replaced. */
    static Renamed of(InputStream body, String boundary) {
        if (boundary.length() <= MAX) {
            return new Renamed(body, boundary);
        }
        String fresh = MultipartWriter.randomBoundary();
        return new Renamed(new LongBoundary(body, boundary, fresh), fresh);
    }

    /** A body and the boundary to read it with. */
    record Renamed(InputStream body, String boundary) {
    }

    private LongBoundary(InputStream in, String boundary, String fresh) {
        super(in);
        pattern = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        replacement = ("--" + fresh).getBytes(StandardCharsets.US_ASCII);
        failure = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) {
                k = failure[k - 1];
            }
            if (pattern[i] == pattern[k]) {
                k++;
            }
            failure[i] = k;
        }
        // a block's output is at most the block and the held-back partial match
        block = new byte[8192];
        out = new byte[block.length + pattern.length];
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (outStart == outEnd) {
            if (eof) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, outEnd - outStart);
        System.arraycopy(out, outStart, b, off, n);
        outStart += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        int read = read(new byte[(int) Math.min(n, 8192)]); // through the automaton
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public int available() {
        return outEnd - outStart;
    }

    // reads a block of the source and passes it through the automaton into the output buffer
    private void fill() throws IOException {
        outStart = 0;
        outEnd = 0;
        int n = in.read(block);
        if (n < 0) {
            eof = true;
            emit(pattern, 0, state); // a partial match at the end is plain data
            state = 0;
            return;
        }
        for (int i = 0; i < n; i++) {
            byte c = block[i];
            while (state > 0 && c != pattern[state]) {
                int shorter = failure[state - 1];
                emit(pattern, 0, state - shorter); // these bytes can no longer start a match
                state = shorter;
            }
            if (c == pattern[state]) {
                if (++state == pattern.length) {
                    emit(replacement, 0, replacement.length);
                    state = 0;
                }
            } else {
                out[outEnd++] = c;
            }
        }
    }

    private void emit(byte[] bytes, int from, int length) {
        System.arraycopy(bytes, from, out, outEnd, length);
        outEnd += length;
    }
}
