// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart body (RFC 2046) read part by part from a stream, as an MTOM client reads a response: each part's
 * bytes go to a sink while they arrive, so no part is ever whole in memory. The delimiter is found with
 * Boyer-Moore-Horspool, which looks at about one byte in forty of random content, so parsing costs the client
 * little more than the plain download's read loop.
 */
final class MultipartStream {

    /** Where a part's bytes go, in the order they arrive. */
    @FunctionalInterface
    interface Sink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    private static final int MAX_HEADER_LINE = 8192;

    private final InputStream in;
    private final byte[] delimiter;
    private final int[] skip = new int[256];
    private final byte[] buffer;
    private int position;
    private int limit;
    private boolean started;

    /** @param boundary the {@code boundary} parameter of the body's Content-Type. */
    MultipartStream(InputStream in, String boundary, int bufferSize) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.buffer = new byte[Math.max(bufferSize, 4 * MAX_HEADER_LINE)];
        // a body may start with the first boundary line: a CRLF in front makes it a delimiter like the others
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        int last = delimiter.length - 1;
        Arrays.fill(skip, delimiter.length);
        for (int j = 0; j < last; j++) {
            skip[delimiter[j] & 0xff] = last - j;
        }
    }

    /**
     * Moves to the next part (skipping the preamble before the first) and returns its headers, names in lower case,
     * or {@code null} when the close delimiter ends the body.
     */
    Map<String, String> nextPart() throws IOException {
        if (!started) {
            body(null);
            started = true;
        }
        ensure(2);
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            position += 2;
            return null;
        }
        readLine(); // transport padding after the boundary, then CRLF
        var headers = new HashMap<String, String>();
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
        }
        return headers;
    }

    /**
     * Hands the current part's content to {@code sink} ({@code null} discards it), up to the next delimiter.
     *
     * @return the number of content bytes.
     */
    long body(Sink sink) throws IOException {
        long count = 0;
        while (true) {
            int found = search(position, limit);
            int end = found >= 0 ? found : Math.max(position, limit - delimiter.length + 1);
            if (end > position) {
                if (sink != null) {
                    sink.write(buffer, position, end - position);
                }
                count += end - position;
            }
            if (found >= 0) {
                position = found + delimiter.length;
                return count;
            }
            position = end;
            if (!fill()) {
                throw new EOFException("the multipart body ends inside a part");
            }
        }
    }

    /** Reads what follows the close delimiter, so that the connection can serve the next request. */
    void drain() throws IOException {
        position = limit;
        while (in.read(buffer) >= 0) {
            // the epilogue carries nothing
        }
    }

    private int search(int from, int to) {
        int last = delimiter.length - 1;
        byte lastByte = delimiter[last];
        int i = from;
        while (i + last < to) {
            byte b = buffer[i + last];
            if (b == lastByte) {
                int j = last - 1;
                while (j >= 0 && buffer[i + j] == delimiter[j]) {
                    j--;
                }
                if (j < 0) {
                    return i;
                }
            }
            i += skip[b & 0xff];
        }
        return -1;
    }

    private String readLine() throws IOException {
        while (true) {
            for (int i = position; i + 1 < limit; i++) {
                if (buffer[i] == '\r' && buffer[i + 1] == '\n') {
                    String line = new String(buffer, position, i - position, StandardCharsets.ISO_8859_1);
                    position = i + 2;
                    return line;
                }
            }
            if (limit - position > MAX_HEADER_LINE) {
                throw new IOException("a multipart header line is longer than " + MAX_HEADER_LINE + " bytes");
            }
            if (!fill()) {
                throw new EOFException("the multipart body ends inside a header");
            }
        }
    }

    private void ensure(int bytes) throws IOException {
        while (limit - position < bytes) {
            if (!fill()) {
                throw new EOFException("the multipart body ends after a boundary");
            }
        }
    }

    /** Moves the unread bytes to the front and reads more behind them; false at the end of the stream. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            return false;
        }
        limit += n;
        return true;
    }
}
