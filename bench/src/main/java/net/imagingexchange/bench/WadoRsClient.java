// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WADO-RS Retrieve Study (PS3.18 10.4) as a viewer that streams: {@code GET {base}/studies/{uid}} asking for
 * {@code multipart/related; type="application/dicom"}, the answer read part by part as it arrives
 * ({@link MultipartStream}), each instance counted and discarded, never whole in memory. The same client for ours
 * and for Orthanc: the JDK's {@link java.net.HttpURLConnection} ({@link BlockingHttp}) with 64 KiB reads.
 */
final class WadoRsClient {

    /** PS3.18 8.7.3.5.2: Part 10 instances, each a part, in the transfer syntax the server has them in. */
    static final String ACCEPT = "multipart/related; type=\"application/dicom\"";

    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(?:\"([^\"]+)\"|([^;\\s]+))");
    private static final int MAX_ERROR = 4096;

    /**
     * What one retrieval of a study gave.
     *
     * @param parts          parts of the answer, each an application/dicom instance.
     * @param bytes          the parts' content bytes (the Part 10 files), summed.
     * @param firstByteNanos from sending the request to the first byte of the body.
     * @param firstInstanceNanos from sending the request to the end of the first part.
     * @param wallNanos      from sending the request to the end of the body.
     */
    record Retrieval(int parts, long bytes, long firstByteNanos, long firstInstanceNanos, long wallNanos) {
    }

    private WadoRsClient() {
    }

    /** Retrieves the study at {@code study} (its full WADO-RS URL); fails on any answer but a multipart 200. */
    static Retrieval retrieve(URI study) {
        long start = System.nanoTime();
        try (var answer = BlockingHttp.get(study, ACCEPT)) {
            Matcher boundary = BOUNDARY.matcher(answer.contentType());
            if (answer.status() != 200 || !answer.contentType().toLowerCase(Locale.ROOT)
                    .startsWith("multipart/related") || !boundary.find()) {
                throw new IllegalStateException("WADO-RS " + study + ": HTTP " + answer.status() + " "
                        + answer.contentType() + ": " + new String(answer.body().readNBytes(MAX_ERROR),
                        StandardCharsets.UTF_8));
            }
            var body = new FirstByte(answer.body());
            var multipart = new MultipartStream(body, boundary.group(1) != null ? boundary.group(1)
                    : boundary.group(2), Iti43Client.BUFFER);
            int parts = 0;
            long bytes = 0;
            long firstInstance = 0;
            for (var headers = multipart.nextPart(); headers != null; headers = multipart.nextPart()) {
                String type = headers.getOrDefault("content-type", "");
                if (!type.toLowerCase(Locale.ROOT).startsWith("application/dicom")) {
                    throw new IllegalStateException("WADO-RS " + study + ": part " + (parts + 1) + " is " + type
                            + ", not application/dicom");
                }
                bytes += multipart.body(null);
                if (parts++ == 0) {
                    firstInstance = System.nanoTime();
                }
            }
            multipart.drain();
            long end = System.nanoTime();
            return new Retrieval(parts, bytes, body.first - start, firstInstance - start, end - start);
        } catch (IOException e) {
            throw new UncheckedIOException("WADO-RS " + study + " failed", e);
        }
    }

    /** Notes when the first byte of the body arrives. */
    private static final class FirstByte extends FilterInputStream {
        long first;
        private boolean seen;

        FirstByte(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && !seen) {
                seen = true;
                first = System.nanoTime();
            }
            return n;
        }
    }
}
