// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads a multipart body (RFC 2046 5.1.1), such as the {@code multipart/related} (RFC 2387) messages of WADO-RS and
 * STOW-RS (PS3.18 8.6.1.2), one part at a time. Each part's body is an {@link InputStream} that ends where the
 * next delimiter starts; the delimiter is searched for in a fixed window of the stream (Boyer-Moore-Horspool), so a
 * part of any size goes through in constant memory. A stream that ends before the close delimiter, a header block
 * larger than the limit and a delimiter line followed by anything but transport padding and CRLF are
 * {@link MultipartException}s. The preamble is skipped (bounded by the header limit); the epilogue is not read.
 */
public final class MultipartReader implements Closeable {

    /** Default bound of one part's header block, and of the preamble. */
    public static final int DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

    private static final int WINDOW = 64 * 1024;

    private final InputStream in;
    private final Delimiter delimiter;
    private final int maxHeaderBytes;
    private final byte[] buffer;
    private int pos;
    private int limit;
    private long bufferOffset; // stream offset of buffer[0]
    private boolean eof;
    private int matchAt = -1;  // where the delimiter ending the current body starts, once found
    private int scanFrom;      // no delimiter starts before this index
    private boolean started;
    private boolean done;
    private Body current;
    private int parts;

    /** A part: its headers (names compared without case) and its body, readable until the next part is asked for. */
    public record Part(Map<String, String> headers, InputStream body) {

        /** The header's value, or null. */
        public String header(String name) {
            return headers.get(name);
        }

        /** The parsed Content-Type, or null when the part has none (then text/plain, RFC 2046 5.1). */
        public MediaType contentType() {
            String value = headers.get("Content-Type");
            return value == null ? null : MediaType.parse(value);
        }
    }

    public MultipartReader(InputStream in, String boundary) {
        this(in, boundary, DEFAULT_MAX_HEADER_BYTES);
    }

    public MultipartReader(InputStream in, String boundary, int maxHeaderBytes) {
        this.in = in;
        this.delimiter = new Delimiter(boundary, Delimiter.MAX_READ_LENGTH);
        this.maxHeaderBytes = maxHeaderBytes;
        buffer = new byte[Math.max(WINDOW, 4 * delimiter.length())];
        // the first delimiter may open the stream without a CRLF before it: pretend there is one
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
        bufferOffset = -2;
    }

    /**
     * A reader for a request or response whose Content-Type is {@code contentType}, which must be a multipart
     * type with a boundary parameter.
     */
    public static MultipartReader of(InputStream in, String contentType) throws MultipartException {
        try {
            MediaType type = MediaType.parse(contentType);
            if (!type.type().equals("multipart")) {
                throw new MultipartException(type + " is not a multipart type", 0);
            }
            String boundary = type.parameter("boundary");
            if (boundary == null) {
                throw new MultipartException(type + " has no boundary parameter", 0);
            }
            return new MultipartReader(in, boundary);
        } catch (IllegalArgumentException e) {
            throw new MultipartException(e.getMessage(), 0);
        }
    }

    /** The next part, or null after the close delimiter. The previous part's body is skipped if left unread. */
    public Part next() throws IOException {
        if (done) {
            return null;
        }
        if (!started) {
            skipPreamble();
            started = true;
        } else {
            current.skipRest();
            current = null;
        }
        if (!afterDelimiter()) {
            done = true;
            return null;
        }
        parts++;
        Map<String, String> headers = emptyPart() ? Collections.emptyMap() : headers();
        current = new Body();
        return new Part(headers, current);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void skipPreamble() throws IOException {
        while (true) {
            int available = bodyAvailable("the preamble");
            if (available == 0) {
                consumeDelimiter();
                return;
            }
            if (offset(pos + available) > maxHeaderBytes) {
                throw new MultipartException("no boundary \"" + delimiter.boundary() + "\" within the first "
                        + maxHeaderBytes + " bytes", offset(pos));
            }
            pos += available;
        }
    }

    // After "--boundary": "--" closes; otherwise transport padding and CRLF open a part (RFC 2046 5.1.1).
    private boolean afterDelimiter() throws IOException {
        if (ensure(2) >= 2 && buffer[pos] == '-' && buffer[pos + 1] == '-') {
            pos += 2;
            return false;
        }
        int padding = 0;
        while (ensure(1) > 0 && (buffer[pos] == ' ' || buffer[pos] == '\t') && padding++ < maxHeaderBytes) {
            pos++;
        }
        if (ensure(2) < 2) {
            throw new MultipartException("stream ends after a boundary, without the close delimiter", offset(limit));
        }
        if (buffer[pos] != '\r' || buffer[pos + 1] != '\n') {
            throw new MultipartException("boundary line not ended by CRLF", offset(pos));
        }
        pos += 2;
        return true;
    }

    // a body part may be empty altogether, headers and the CRLF after them included (RFC 2046 5.1.1 body-part)
    private boolean emptyPart() throws IOException {
        return ensure(delimiter.length()) >= delimiter.length() && delimiter.startsAt(buffer, pos);
    }

    // MIME-part-headers CRLF (RFC 2045 3, RFC 5322 2.2): ISO-8859-1, unfolded, at most maxHeaderBytes
    private Map<String, String> headers() throws IOException {
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        var line = new StringBuilder();
        String name = null;
        long start = offset(pos);
        while (true) {
            readLine(line, start);
            if (line.length() == 0) {
                return Collections.unmodifiableMap(headers);
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                if (name == null) {
                    throw new MultipartException("part headers start with a continuation line", offset(pos));
                }
                headers.merge(name, line.toString().strip(), (a, b) -> a + " " + b);
                continue;
            }
            int colon = line.indexOf(":");
            if (colon <= 0 || !line.substring(0, colon).chars().allMatch(MediaType::isTokenChar)) {
                throw new MultipartException("malformed part header \"" + line + "\"", offset(pos));
            }
            name = line.substring(0, colon);
            headers.merge(name, line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
        }
    }

    private void readLine(StringBuilder line, long start) throws IOException {
        line.setLength(0);
        while (true) {
            if (offset(pos) - start >= maxHeaderBytes) {
                throw new MultipartException("headers of part " + parts + " longer than " + maxHeaderBytes
                        + " bytes", offset(pos));
            }
            if (ensure(1) == 0) {
                throw new MultipartException("stream ends inside the headers of part " + parts, offset(pos));
            }
            byte b = buffer[pos++];
            if (b == '\r') {
                if (ensure(1) == 0 || buffer[pos] != '\n') {
                    throw new MultipartException("CR without LF in part headers", offset(pos));
                }
                pos++;
                return;
            }
            if (b == '\n') {
                throw new MultipartException("LF without CR in part headers", offset(pos - 1));
            }
            line.append((char) (b & 0xFF));
        }
    }

    /**
     * How many bytes from {@code pos} surely precede the delimiter (0 when it starts at {@code pos}); reads more
     * of the stream when needed. End of stream before a delimiter is an error.
     */
    private int bodyAvailable(String where) throws IOException {
        while (true) {
            if (matchAt >= 0) {
                return matchAt - pos;
            }
            int found = delimiter.indexOf(buffer, Math.max(pos, scanFrom), limit);
            if (found >= 0) {
                matchAt = found;
                return found - pos;
            }
            // a delimiter may still start in the last length() - 1 bytes
            scanFrom = Math.max(pos, limit - delimiter.length() + 1);
            if (scanFrom > pos) {
                return scanFrom - pos;
            }
            if (eof) {
                throw new MultipartException("stream ends inside " + where
                        + " before the boundary \"" + delimiter.boundary() + "\" (truncated, or no close delimiter)",
                        offset(limit));
            }
            fill();
        }
    }

    private void consumeDelimiter() {
        pos = matchAt + delimiter.length();
        matchAt = -1;
        scanFrom = pos;
    }

    /** Makes at least {@code n} bytes available from {@code pos} unless the stream ends; returns how many are. */
    private int ensure(int n) throws IOException {
        while (limit - pos < n && !eof) {
            fill();
        }
        return limit - pos;
    }

    // moves the unread bytes to the front of the window and reads more
    private void fill() throws IOException {
        if (pos > 0 && limit == buffer.length || pos >= buffer.length / 2) {
            System.arraycopy(buffer, pos, buffer, 0, limit - pos);
            bufferOffset += pos;
            limit -= pos;
            matchAt = matchAt >= 0 ? matchAt - pos : -1;
            scanFrom = Math.max(0, scanFrom - pos);
            pos = 0;
        }
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    private long offset(int index) {
        return Math.max(0, bufferOffset + index);
    }

    /** The body of the current part: the bytes up to the next delimiter. */
    private final class Body extends InputStream {

        private final int part = parts;
        private boolean ended;
        private boolean skipped;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (skipped) {
                throw new IOException("part " + part + " was skipped when a later part was asked for");
            }
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int available = bodyAvailable("part " + part);
            if (available == 0) {
                consumeDelimiter();
                ended = true;
                return -1;
            }
            int n = Math.min(len, available);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }

        /** Writes the rest of the body straight from the reader's window: one copy less than read(byte[]). */
        @Override
        public long transferTo(OutputStream out) throws IOException {
            if (skipped) {
                throw new IOException("part " + part + " was skipped when a later part was asked for");
            }
            return drain(out);
        }

        /** Hands the rest of the body, window by window, to {@code out} (null: dropped), through the delimiter. */
        private long drain(OutputStream out) throws IOException {
            long drained = 0;
            while (!ended) {
                int available = bodyAvailable("part " + part);
                if (available == 0) {
                    consumeDelimiter();
                    ended = true;
                } else {
                    if (out != null) {
                        out.write(buffer, pos, available);
                    }
                    pos += available;
                    drained += available;
                }
            }
            return drained;
        }

        @Override
        public int available() {
            if (ended || current != this) {
                return 0;
            }
            return Math.max(0, (matchAt >= 0 ? matchAt : scanFrom) - pos);
        }

        void skipRest() throws IOException {
            skipped = !ended;
            drain(null);
        }
    }
}
