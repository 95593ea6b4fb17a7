// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code multipart/related} (RFC 2046 5.1.1, RFC 2387) as WADO-RS and STOW-RS use it (PS3.18 8.6.1.2): written and
 * read back streaming, a partial delimiter inside a body, truncation, and malformed framing.
 */
class MultipartTest {

    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    @Test
    void roundTripsThreePartsOneOfFiveMebibytesThroughAPipe() throws Exception {
        long large = 5L << 20;
        byte[] small = "DICM and a few bytes".getBytes(StandardCharsets.US_ASCII);

        String boundary = MultipartWriter.randomBoundary();
        List<String> digests = new ArrayList<>();
        List<Map<String, String>> headers = new ArrayList<>();
        pipe(out -> {
            var writer = new MultipartWriter(out, boundary);
            writer.writeDicomPart(EXPLICIT_VR_LITTLE_ENDIAN, null, new ByteArrayInputStream(small));
            writer.writeDicomPart(EXPLICIT_VR_LITTLE_ENDIAN, "https://pacs.example/studies/1.2.3/instances/4",
                    generated(large, 42));
            var third = new LinkedHashMap<String, String>();
            third.put("Content-Type", "application/octet-stream");
            third.put("Content-ID", "<frame-1@pacs.example>");
            writer.writePart(third, InputStream.nullInputStream());
            writer.close();
        }, in -> {
            var reader = MultipartReader.of(in, "multipart/related; type=\"application/dicom\"; boundary=" + boundary);
            for (MultipartReader.Part part; (part = reader.next()) != null; ) {
                headers.add(part.headers());
                digests.add(sha1(part.body()));
            }
        });

        assertThat(digests).containsExactly(sha1(new ByteArrayInputStream(small)), sha1(generated(large, 42)),
                sha1(InputStream.nullInputStream()));
        assertThat(headers.get(0)).containsExactly(
                Map.entry("Content-Type", "application/dicom; transfer-syntax=" + EXPLICIT_VR_LITTLE_ENDIAN));
        assertThat(headers.get(1).get("content-location")).isEqualTo("https://pacs.example/studies/1.2.3/instances/4");
        assertThat(headers.get(2).get("CONTENT-ID")).isEqualTo("<frame-1@pacs.example>");
    }

    @Test
    void aPartialDelimiterInsideABodyDoesNotEndThePart() throws Exception {
        String boundary = "boundary";
        // around the reader's 64 KiB window, so that the near-delimiter also straddles a refill
        for (int at = 65536 - 24; at <= 65536 + 4; at++) {
            byte[] body = new byte[at + 40];
            Arrays.fill(body, (byte) 'x');
            put(body, at, "\r\n--boundar");
            put(body, 3, "\r\n--boundarY\r\n-boundary\n--boundary");
            put(body, body.length - 11, "\r\n--bounda");
            byte[] message = message(boundary, body, "second".getBytes(StandardCharsets.US_ASCII));

            for (InputStream in : List.of(new ByteArrayInputStream(message), trickle(message, 7))) {
                var reader = new MultipartReader(in, boundary);
                assertThat(reader.next().body().readAllBytes()).as("part 1, near-delimiter at %d", at).isEqualTo(body);
                assertThat(reader.next().body().readAllBytes()).asString(StandardCharsets.US_ASCII)
                        .isEqualTo("second");
                assertThat(reader.next()).isNull();
            }
            // transferTo writes from the reader's window: the same bytes, the part ended where read() ends it
            for (InputStream in : List.of(new ByteArrayInputStream(message), trickle(message, 7))) {
                var reader = new MultipartReader(in, boundary);
                var first = new java.io.ByteArrayOutputStream();
                InputStream part = reader.next().body();
                part.readNBytes(5);
                assertThat(part.transferTo(first)).isEqualTo(body.length - 5);
                assertThat(first.toByteArray()).as("transferTo, near-delimiter at %d", at)
                        .isEqualTo(Arrays.copyOfRange(body, 5, body.length));
                assertThat(part.read()).isEqualTo(-1);
                assertThat(reader.next().body().readAllBytes()).asString(StandardCharsets.US_ASCII)
                        .isEqualTo("second");
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void knowsTheLengthOfWhatItWillWrite() throws Exception {
        for (int parts = 0; parts <= 3; parts++) {
            var out = new java.io.ByteArrayOutputStream();
            var writer = new MultipartWriter(out);
            var headers = new ArrayList<Map<String, String>>();
            long[] lengths = new long[parts];
            for (int i = 0; i < parts; i++) {
                var partHeaders = new LinkedHashMap<String, String>();
                partHeaders.put("Content-Type", "application/dicom; transfer-syntax=1.2.840.10008.1.2.1");
                if (i == 1) {
                    partHeaders.put("Content-Location", "http://h/studies/1.2/series/1.2.3/instances/" + i);
                }
                headers.add(partHeaders);
                lengths[i] = 1000L * i + 7;
                writer.beginPart(partHeaders).write(new byte[(int) lengths[i]]);
            }
            writer.finish();

            assertThat(writer.length(headers, lengths)).as("%d parts", parts).isEqualTo(out.size());
        }
    }

    @Test
    void refusesToWriteABodyThatContainsTheDelimiter() {
        var writer = new MultipartWriter(OutputStream.nullOutputStream(), "abc");
        byte[] body = "data\r\n--abc and more".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> writer.writePart(Map.of(), new ByteArrayInputStream(body)))
                .isInstanceOf(IOException.class).hasMessageContaining("contains the boundary \"abc\"");
        assertThatThrownBy(() -> new MultipartWriter(OutputStream.nullOutputStream(), "abc")
                .writePart(Map.of(), new ByteArrayInputStream("--abc".getBytes(StandardCharsets.US_ASCII))))
                .as("the CRLF ending the headers comes right before the body").isInstanceOf(IOException.class);
    }

    @Test
    void aTruncatedStreamIsAnErrorWhereverItIsCut() throws Exception {
        byte[] message = message("b0und4ry", "first".getBytes(StandardCharsets.US_ASCII),
                "second".getBytes(StandardCharsets.US_ASCII));
        int closeDelimiterEnd = message.length - 2; // the CRLF after "--b0und4ry--" is optional

        for (int length = 0; length < closeDelimiterEnd; length++) {
            byte[] cut = Arrays.copyOf(message, length);
            assertThatThrownBy(() -> readAll(new MultipartReader(new ByteArrayInputStream(cut), "b0und4ry")))
                    .as("cut at %d of %d", length, message.length).isInstanceOf(MultipartException.class);
        }
        assertThat(readAll(new MultipartReader(new ByteArrayInputStream(message, 0, closeDelimiterEnd),
                "b0und4ry"))).containsExactly("first", "second");
    }

    @Test
    void aMissingCloseDelimiterIsAnError() {
        byte[] message = "--b\r\nContent-Type: text/plain\r\n\r\nno end".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> readAll(new MultipartReader(new ByteArrayInputStream(message), "b")))
                .isInstanceOf(MultipartException.class)
                .hasMessage("stream ends inside part 1 before the boundary \"b\" (truncated, or no close delimiter)"
                        + " at byte " + message.length);
    }

    @Test
    void skipsPreambleAndUnreadBodiesAndReadsPaddingAndFoldedHeaders() throws Exception {
        byte[] message = ("This is the preamble.\r\n"
                + "--simple boundary \t\r\n"
                + "Content-Type: text/plain;\r\n charset=us-ascii\r\n"
                + "\r\n"
                + "first, never read\r\n"
                + "--simple boundary\r\n"
                + "\r\n"
                + "no headers\r\n"
                + "--simple boundary\r\n"
                + "\r\n--simple boundary--\r\n"
                + "This is the epilogue.").getBytes(StandardCharsets.US_ASCII);
        var reader = MultipartReader.of(new ByteArrayInputStream(message),
                "multipart/mixed; boundary=\"simple boundary\"");

        var first = reader.next();
        var second = reader.next();

        assertThat(first.contentType().parameter("charset")).isEqualTo("us-ascii");
        assertThat(second.headers()).isEmpty();
        assertThat(second.body().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("no headers");
        assertThatThrownBy(() -> first.body().read()).isInstanceOf(IOException.class);
        assertThat(reader.next().body().readAllBytes()).isEmpty();
        assertThat(reader.next()).isNull();
    }

    @Test
    void refusesMalformedFraming() {
        assertThat(error("--b\r\n" + "X: " + "y".repeat(20000) + "\r\n\r\nbody\r\n--b--", "b"))
                .contains("headers of part 1 longer than 16384 bytes");
        assertThat(error("--b\r\nno colon\r\n\r\nbody\r\n--b--", "b")).contains("malformed part header \"no colon\"");
        assertThat(error("--b\nContent-Type: text/plain\r\n\r\nbody\r\n--b--", "b"))
                .contains("boundary line not ended by CRLF");
        assertThat(error("--bb\r\n\r\nbody\r\n--b--", "b")).contains("boundary line not ended by CRLF at byte 3");
        assertThat(error("no boundary at all", "b")).contains("stream ends inside the preamble");
        assertThatThrownBy(() -> MultipartReader.of(InputStream.nullInputStream(), "application/dicom"))
                .isInstanceOf(MultipartException.class).hasMessageContaining("not a multipart type");
        assertThatThrownBy(() -> MultipartReader.of(InputStream.nullInputStream(), "multipart/related"))
                .isInstanceOf(MultipartException.class).hasMessageContaining("no boundary parameter");
        assertThatThrownBy(() -> new MultipartReader(InputStream.nullInputStream(), "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 200 characters");
        assertThatThrownBy(() -> new MultipartWriter(OutputStream.nullOutputStream(), "x".repeat(71)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 70 characters");
    }

    /** Orthanc 1.10's DICOMweb client joins two UUIDs: 73 characters, beyond RFC 2046's 70. */
    @Test
    void readsABodyWhoseBoundaryIsLongerThanTheRfcAllows() throws Exception {
        String boundary = UUID.randomUUID() + "-" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\nfirst\r\n--" + boundary
                + "\r\n\r\nsecond\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);

        var reader = new MultipartReader(new ByteArrayInputStream(body), boundary);

        assertThat(new String(reader.next().body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("first");
        assertThat(new String(reader.next().body().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("second");
        assertThat(reader.next()).isNull();
    }

    @Test
    void acceptsAnUnquotedMediaTypeAsParameterValue() {
        var type = MediaType.parse("multipart/related; type=application/dicom; boundary=abc");

        assertThat(type.parameter("type")).isEqualTo("application/dicom");
        assertThat(type.parameter("boundary")).isEqualTo("abc");
        assertThatThrownBy(() -> MediaType.parse("multipart/related; type=")).hasMessageContaining("expected a"
                + " parameter value");
    }

    @Test
    void parsesContentTypeParameters() throws Exception {
        var type = MediaType.parse("Multipart/Related; type=\"application/dicom\"; boundary=\"abc:def\";"
                + " start=\"<root\\\"1\\\\>\";  transfer-syntax=1.2.840.10008.1.2.1");

        assertThat(type.is("multipart", "related")).isTrue();
        assertThat(type.parameter("TYPE")).isEqualTo("application/dicom");
        assertThat(type.parameter("boundary")).isEqualTo("abc:def");
        assertThat(type.parameter("start")).isEqualTo("<root\"1\\>");
        assertThat(type.parameter("transfer-syntax")).isEqualTo(EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(type.parameter("charset")).isNull();
        assertThat(MediaType.parse(type.toString())).isEqualTo(type);
        assertThat(new MultipartWriter(OutputStream.nullOutputStream(), "abc:def").contentType("application/dicom"))
                .isEqualTo("multipart/related; type=\"application/dicom\"; boundary=\"abc:def\"");

        var written = new ByteArrayOutputStream();
        try (var writer = new MultipartWriter(written, "abc:def")) {
            writer.writePart(Map.of("Content-Type", "text/plain"), new ByteArrayInputStream(new byte[] {'o', 'k'}));
        }
        var reader = MultipartReader.of(new ByteArrayInputStream(written.toByteArray()),
                "multipart/related; type=\"application/dicom\"; boundary=\"abc:def\"");
        assertThat(reader.next().body().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("ok");
        assertThat(reader.next()).isNull();

        assertThatThrownBy(() -> MediaType.parse("multipart/related; boundary=\"abc")).hasMessageContaining(
                "unterminated quoted string");
        assertThatThrownBy(() -> MediaType.parse("multipart; boundary=x")).hasMessageContaining("expected '/'");
        assertThatThrownBy(() -> MediaType.parse("a/b; x=1; X=2")).hasMessageContaining("parameter x given twice");
        assertThatThrownBy(() -> MediaType.parse("a/b; x")).hasMessageContaining("expected '=' at character 6");
    }

    // --- helpers

    interface Writing {
        void write(OutputStream out) throws Exception;
    }

    interface Reading {
        void read(InputStream in) throws Exception;
    }

    /** Writes in another thread into a pipe that this thread reads: the message is never whole in memory. */
    static void pipe(Writing writing, Reading reading) throws Exception {
        var in = new PipedInputStream(64 * 1024);
        var out = new PipedOutputStream(in);
        var written = CompletableFuture.runAsync(() -> {
            try (out) {
                writing.write(out);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try (in) {
            reading.read(in);
        }
        written.get(60, TimeUnit.SECONDS);
    }

    /** {@code length} pseudo-random bytes, produced as read. */
    static InputStream generated(long length, long seed) {
        var random = new SplittableRandom(seed);
        return new InputStream() {
            private long left = length;
            private long word;
            private int wordLeft;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    if (wordLeft == 0) {
                        word = random.nextLong();
                        wordLeft = 8;
                    }
                    b[off + i] = (byte) word;
                    word >>>= 8;
                    wordLeft--;
                }
                left -= n;
                return n;
            }
        };
    }

    static String sha1(InputStream in) throws Exception {
        var digest = MessageDigest.getInstance("SHA-1");
        byte[] buffer = new byte[16 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static byte[] message(String boundary, byte[]... bodies) throws IOException {
        var written = new ByteArrayOutputStream();
        try (var writer = new MultipartWriter(written, boundary)) {
            for (byte[] body : bodies) {
                writer.writePart(Map.of("Content-Type", "application/octet-stream"), new ByteArrayInputStream(body));
            }
        }
        return written.toByteArray();
    }

    private static List<String> readAll(MultipartReader reader) throws IOException {
        List<String> bodies = new ArrayList<>();
        for (MultipartReader.Part part; (part = reader.next()) != null; ) {
            bodies.add(new String(part.body().readAllBytes(), StandardCharsets.US_ASCII));
        }
        return bodies;
    }

    private static String error(String message, String boundary) {
        var in = new ByteArrayInputStream(message.getBytes(StandardCharsets.US_ASCII));
        try {
            readAll(new MultipartReader(in, boundary));
        } catch (MultipartException e) {
            return e.getMessage();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no error reading " + message);
    }

    private static void put(byte[] body, int at, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, body, at, bytes.length);
    }

    /** Hands out at most {@code chunk} bytes per read, as a network stream may. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }
}
