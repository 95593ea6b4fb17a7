// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes a multipart body (RFC 2046 5.1.1), such as the {@code multipart/related} (RFC 2387) messages of WADO-RS
 * and STOW-RS (PS3.18 8.6.1.2), streaming each part's body. Since the boundary must not occur inside a body, each
 * body is checked as it goes through (one automaton step per byte); a body containing the delimiter is an
 * {@link IOException}. Header names must be tokens and header values printable ASCII.
 */
public final class MultipartWriter implements Closeable {

    private static final byte[] CRLF = {'\r', '\n'};

    private final OutputStream out;
    private final Delimiter delimiter;
    private final byte[] dashBoundary;
    private final boolean scanBodies;
    private boolean first = true;
    private boolean finished;
    private PartStream open;

    /**
     * A writer with a random boundary (122 random bits). Bodies are not scanned for it: a body holds it by a chance
     * of 2^-122, and scanning every byte of a study costs more than sending it.
     */
    public MultipartWriter(OutputStream out) {
        this(out, randomBoundary(), false);
    }

    /** A writer with the caller's boundary: every body is checked not to contain it (RFC 2046 5.1.1). */
    public MultipartWriter(OutputStream out, String boundary) {
        this(out, boundary, true);
    }

    private MultipartWriter(OutputStream out, String boundary, boolean scanBodies) {
        this.out = new BufferedOutputStream(out, 8192);
        this.delimiter = new Delimiter(boundary);
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.scanBodies = scanBodies;
    }

    /** A boundary that no body will contain but by a chance of 2^-122. */
    public static String randomBoundary() {
        return "part-" + UUID.randomUUID();
    }

    public String boundary() {
        return delimiter.boundary();
    }

    /**
     * {@code multipart/related; type="<rootType>"; boundary=...}, for the Content-Type header (RFC 2387 3,
     * PS3.18 8.7.3.5.1).
     */
    public String contentType(String rootType) {
        var parameters = new LinkedHashMap<String, String>();
        parameters.put("type", rootType);
        parameters.put("boundary", boundary());
        return new MediaType("multipart", "related", parameters).toString();
    }

    /**
     * Starts a part: writes the delimiter and the headers, and returns the stream for its body, which is complete
     * when the next part starts or the writer is finished. Closing the returned stream does not close the writer.
     */
    public OutputStream beginPart(Map<String, String> headers) throws IOException {
        if (finished) {
            throw new IllegalStateException("the close delimiter is written");
        }
        endPart();
        // the first delimiter needs no CRLF before it (RFC 2046 5.1.1 multipart-body)
        if (!first) {
            out.write(CRLF);
        }
        first = false;
        out.write(dashBoundary);
        out.write(CRLF);
        for (var header : headers.entrySet()) {
            out.write(header(header.getKey(), header.getValue()));
        }
        out.write(CRLF);
        open = new PartStream();
        return open;
    }

    /** Writes a part whose body is read from {@code body} to its end (the stream is not closed). */
    public void writePart(Map<String, String> headers, InputStream body) throws IOException {
        OutputStream part = beginPart(headers);
        body.transferTo(part);
        endPart();
    }

    /**
     * Writes a DICOM part: {@code Content-Type: application/dicom; transfer-syntax=<uid>} (PS3.18 8.7.3.5.2) and,
     * unless null, {@code Content-Location}.
     */
    public void writeDicomPart(String transferSyntaxUid, String contentLocation, InputStream body)
            throws IOException {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/dicom; transfer-syntax=" + transferSyntaxUid);
        if (contentLocation != null) {
            headers.put("Content-Location", contentLocation);
        }
        writePart(headers, body);
    }

    /**
     * The length of the whole message this writer writes for parts with these headers and bodies of these lengths,
     * close delimiter included: a Content-Length known before anything is written, so that HTTP needs no chunked
     * transfer coding.
     */
    public long length(List<Map<String, String>> partHeaders, long[] bodyLengths) {
        if (partHeaders.size() != bodyLengths.length) {
            throw new IllegalArgumentException(partHeaders.size() + " parts' headers, " + bodyLengths.length
                    + " bodies");
        }
        long length = 0;
        for (int i = 0; i < bodyLengths.length; i++) {
            length += (i > 0 ? CRLF.length : 0) + dashBoundary.length + CRLF.length;
            for (var header : partHeaders.get(i).entrySet()) {
                length += header(header.getKey(), header.getValue()).length;
            }
            length += CRLF.length + bodyLengths[i];
        }
        return length + (bodyLengths.length > 0 ? CRLF.length : 0) + dashBoundary.length + 4;
    }

    /** Writes the close delimiter and flushes; the underlying stream stays open. */
    public void finish() throws IOException {
        if (finished) {
            return;
        }
        endPart();
        if (!first) {
            out.write(CRLF);
        }
        out.write(dashBoundary);
        out.write(new byte[] {'-', '-', '\r', '\n'});
        out.flush();
        finished = true;
    }

    /** Finishes, then closes the underlying stream. */
    @Override
    public void close() throws IOException {
        try {
            finish();
        } finally {
            out.close();
        }
    }

    private void endPart() {
        if (open != null) {
            open.closed = true;
            open = null;
        }
    }

    private static byte[] header(String name, String value) {
        if (name.isEmpty() || !name.chars().allMatch(MediaType::isTokenChar)) {
            throw new IllegalArgumentException("header name \"" + name + "\" is not a token");
        }
        if (!value.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\t')) {
            throw new IllegalArgumentException("header " + name + " has a control or non-ASCII character");
        }
        return (name + ": " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A body: checked for the delimiter, then written through. */
    private final class PartStream extends OutputStream {

        private int state = delimiter.afterCrLf();
        private boolean closed;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (closed) {
                throw new IOException("the part is complete");
            }
            if (scanBodies) {
                int s = state;
                for (int i = off; i < off + len; i++) {
                    s = delimiter.advance(s, b[i]);
                    if (s == delimiter.length()) {
                        throw new IOException("the body contains the boundary \"" + delimiter.boundary()
                                + "\" (RFC 2046 5.1.1)");
                    }
                }
                state = s;
            }
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the part ends when the next one begins
        }
    }
}
