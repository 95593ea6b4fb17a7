// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.io.Transcoder;
import net.imagingexchange.dicom.web.MultipartWriter;

/**
 * A {@code multipart/related} answer (PS3.18 8.6.1.2) written straight to the HTTP response, each part's body
 * copied from its file in large blocks: nothing of an instance or a study is held in memory.
 */
final class MultipartResponse {

    private static final int BLOCK = 256 * 1024;

    private final MultipartWriter writer;
    private final HttpServletResponse response;

    /** Sets status and Content-Type; the response is committed by the first part. */
    MultipartResponse(HttpServletResponse response, int status, String rootType) throws IOException {
        writer = new MultipartWriter(response.getOutputStream());
        this.response = response;
        response.setStatus(status);
        response.setContentType(writer.contentType(rootType));
    }

    /** The headers of a part. */
    static Map<String, String> headers(String contentType, String contentLocation) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", contentType);
        if (contentLocation != null) {
            headers.put("Content-Location", contentLocation);
        }
        return headers;
    }

    /**
     * Declares the answer's length before the first part (RFC 9110 8.6), when every part's headers and body length
     * are known: HTTP then sends it as it is, without the chunked transfer coding, and the client knows its size.
     */
    void contentLength(List<Map<String, String>> partHeaders, long[] bodyLengths) {
        response.setContentLengthLong(writer.length(partHeaders, bodyLengths));
    }

    /**
     * Writes one part whose body is a whole file of the length declared in {@link #contentLength}; a file replaced
     * meanwhile by one of another length breaks the answer off rather than send what the length does not describe.
     */
    void part(Map<String, String> headers, Path file, long declaredLength) throws IOException {
        OutputStream out = writer.beginPart(headers);
        copy(file, 0, declaredLength, out); // a shorter file throws
        if (Files.size(file) != declaredLength) {
            throw new IOException(file.getFileName() + " changed while it was being sent (" + declaredLength
                    + " bytes declared)");
        }
    }

    /**
     * Writes one part.
     *
     * @param contentLocation the part's own URL, or null.
     * @param body            a whole file ({@link Path}), a range of one ({@link BulkData}) or bytes; or a
     *                        {@link List} of them, one after the other.
     */
    void part(String contentType, String contentLocation, Object body) throws IOException {
        OutputStream out = writer.beginPart(headers(contentType, contentLocation));
        copy(body, out);
    }

    /** Writes the close delimiter and flushes. */
    void finish() throws IOException {
        writer.finish();
    }

    /** A Part 10 file in Implicit VR Little Endian, sent re-encoded in Explicit VR Little Endian. */
    record MadeExplicit(Path file) {
    }

    /** Copies a file, a range of one, bytes, a re-encoded file, or a list of them to {@code out}. */
    static void copy(Object body, OutputStream out) throws IOException {
        if (body instanceof MadeExplicit explicit) {
            Transcoder.toExplicitVrLittleEndian(explicit.file(), out);
        } else if (body instanceof List<?> pieces) {
            for (Object piece : pieces) {
                copy(piece, out);
            }
        } else if (body instanceof byte[] bytes) {
            out.write(bytes);
        } else if (body instanceof Path file) {
            copy(file, 0, Long.MAX_VALUE, out);
        } else {
            var range = (BulkData) body;
            copy(range.file(), range.offset(), range.length(), out);
        }
    }

    /** Copies {@code length} bytes from {@code offset} ({@link Long#MAX_VALUE}: to the end). */
    private static void copy(Path file, long offset, long length, OutputStream out) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long end = length == Long.MAX_VALUE ? channel.size() : offset + length;
            var buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(BLOCK, end - offset)));
            for (long at = offset; at < end; ) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - at));
                int n = channel.read(buffer, at);
                if (n < 0) {
                    throw new IOException(file.getFileName() + " ends at byte " + at + ", before byte " + end);
                }
                out.write(buffer.array(), 0, n);
                at += n;
            }
        }
    }
}
