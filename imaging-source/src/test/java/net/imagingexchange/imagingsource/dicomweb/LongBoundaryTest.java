// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.web.MultipartReader;

/** Multipart bodies with a boundary over 70 characters, as Orthanc's STOW-RS client writes them. */
class LongBoundaryTest {

    // a repetitive boundary, so that partial matches fall back inside it
    static final String BOUNDARY = "ab".repeat(20) + "-" + "ab".repeat(20) + "c";

    @Test
    void readsEveryPartWhateverTheChunksTheBodyArrivesIn() throws IOException {
        List<byte[]> bodies = List.of(
                ("--" + BOUNDARY.substring(0, 60) + " near miss, then the tail of a match: "
                        + BOUNDARY.substring(10)).getBytes(StandardCharsets.US_ASCII),
                ("\r\n--" + "ab".repeat(30) + "\r\n-" + BOUNDARY.substring(0, BOUNDARY.length() - 1))
                        .getBytes(StandardCharsets.US_ASCII),
                new byte[20000]);
        byte[] body = multipart(bodies);

        assertThat(parts(new ByteArrayInputStream(body))).containsExactlyElementsOf(bodies);
        assertThat(parts(new OneByteAtATime(new ByteArrayInputStream(body)))).containsExactlyElementsOf(bodies);
    }

    @Test
    void leavesABoundaryOfSeventyCharactersAlone() {
        InputStream body = new ByteArrayInputStream(new byte[0]);

        var renamed = LongBoundary.of(body, "b".repeat(70));

        assertThat(renamed.body()).isSameAs(body);
        assertThat(renamed.boundary()).isEqualTo("b".repeat(70));
    }

    private static List<byte[]> parts(InputStream body) throws IOException {
        var renamed = LongBoundary.of(body, BOUNDARY);
        assertThat(renamed.boundary()).hasSizeLessThanOrEqualTo(70);
        var reader = new MultipartReader(renamed.body(), renamed.boundary());
        var parts = new ArrayList<byte[]>();
        for (var part = reader.next(); part != null; part = reader.next()) {
            assertThat(part.header("Content-Type")).isEqualTo("application/dicom");
            parts.add(part.body().readAllBytes());
        }
        return parts;
    }

    private static byte[] multipart(List<byte[]> bodies) throws IOException {
        var out = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            out.write(("--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** A stream that gives one byte per read, as a slow network might. */
    private static final class OneByteAtATime extends FilterInputStream {
        OneByteAtATime(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, 1));
        }
    }
}
