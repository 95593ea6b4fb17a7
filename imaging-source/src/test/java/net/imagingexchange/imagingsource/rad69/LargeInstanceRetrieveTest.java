// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import static org.assertj.core.api.Assertions.assertThat;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.EXPLICIT_VR_LITTLE_ENDIAN;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * STYLE.md Streaming: an instance larger than the test JVM's heap (surefire execution {@code large-streams},
 * {@code -Xmx256m}) goes out through RAD-69 as one MTOM part. The JVM holds the imaging source, Tomcat and IPF's
 * client; the instance is written to disk as it is generated and hashed as it comes back, so it is never in memory.
 */
@Tag("large-stream")
@SpringBootTest(classes = Rad69TestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeInstanceRetrieveTest {

    /** Rows and columns of 16-bit pixels: 327,680,000 bytes of pixel data, 312.5 MiB. */
    private static final int SIDE = 12_800;
    private static final int BLOCK = 1 << 20;

    @LocalServerPort
    int port;
    @Autowired
    IngestFixture source;

    @Test
    void retrievesAnInstanceLargerThanTheHeapByteIdentical() throws Exception {
        long pixelBytes = (long) SIDE * SIDE * 2;
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a heap smaller than the instance")
                .isLessThan(pixelBytes);
        var study = SyntheticStudy.of("1.2.250.1.999.69.6", 1, 1);
        Path sent = writeLargeInstance(study, source.scratch("large"), pixelBytes);
        String sha1;
        try (InputStream in = Files.newInputStream(sent)) {
            sha1 = sha1(in);
        }
        source.ingest(List.of(sent));
        Files.delete(sent);
        var client = new Rad69Client("http://127.0.0.1:" + port + "/imaging-source/rad69");

        var answer = client.retrieve(Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(study.studyInstanceUid(), study.seriesUid(1), study.instanceUid(1, 1)).build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Success");
        try (InputStream part = answer.getDocumentResponse().get(0).getDocument().getInputStream()) {
            assertThat(sha1(part)).isEqualTo(sha1);
        }
    }

    /** A Part 10 file whose Pixel Data is copied from a pattern file generated block by block. */
    private static Path writeLargeInstance(SyntheticStudy study, Path directory, long pixelBytes) throws IOException {
        Path pixels = directory.resolve("pixels.raw");
        try (OutputStream out = Files.newOutputStream(pixels)) {
            byte[] block = new byte[BLOCK];
            for (long written = 0, n = 0; written < pixelBytes; written += block.length, n++) {
                for (int i = 0; i < block.length; i++) {
                    block[i] = (byte) (i * 31 + n);
                }
                out.write(block, 0, (int) Math.min(block.length, pixelBytes - written));
            }
        }
        var dataset = study.dataset(1, 1);
        dataset.setInt(net.imagingexchange.dicom.Tag.ROWS, VR.US, SIDE);
        dataset.setInt(net.imagingexchange.dicom.Tag.COLUMNS, VR.US, SIDE);
        dataset.put(new Element(net.imagingexchange.dicom.Tag.PIXEL_DATA, VR.OW,
                new BulkData(pixels, 0, pixelBytes)));
        Path file = directory.resolve("large.dcm");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BLOCK)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Files.delete(pixels);
        return file;
    }

    private static String sha1(InputStream in) throws IOException, NoSuchAlgorithmException {
        var digest = MessageDigest.getInstance("SHA-1");
        byte[] buffer = new byte[BLOCK];
        int n;
        while ((n = in.read(buffer)) != -1) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
