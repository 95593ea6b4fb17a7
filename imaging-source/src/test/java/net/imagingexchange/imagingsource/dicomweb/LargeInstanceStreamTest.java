// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.web.MultipartReader;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * STYLE.md Streaming: an instance larger than this JVM's heap (-Xmx256m in the large-stream execution) goes in by
 * STOW-RS and out by WADO-RS, its frames and WADO-URI, on one real server in the same JVM, digests compared.
 */
@org.junit.jupiter.api.Tag("large-stream")
@DicomWebTestApplication.DicomWebTest
class LargeInstanceStreamTest {

    static final int FRAMES = 640;
    static final int FRAME_LENGTH = 512 * 512 * 2; // 320 MiB of pixel data

    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void streamsAnInstanceLargerThanTheHeapInAndOut() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.77.1", 1, 1);
        Path pixels = randomFile(dir.resolve("pixels.raw"), (long) FRAMES * FRAME_LENGTH);
        var dataset = TestInstances.multiFrame(study, "1.2.250.1.999.77.1.9", FRAMES);
        dataset.setInt(Tag.ROWS, VR.US, 512);
        dataset.setInt(Tag.COLUMNS, VR.US, 512);
        dataset.put(new Element(Tag.PIXEL_DATA, VR.OW,
                new BulkData(pixels, 0, Files.size(pixels))));
        Path file = dir.resolve("large.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        var client = new DicomWebClient(port);
        String instance = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1)
                + "/instances/1.2.250.1.999.77.1.9";

        var stored = http.send(stowRequest(client.root() + "/studies", file), HttpResponse.BodyHandlers.ofString());
        String retrieved = firstPartDigest(client.root() + instance, DicomWebClient.DICOM_MULTIPART);
        String lastFrame = firstPartDigest(client.root() + instance + "/frames/" + FRAMES, null);
        String wadoUri = digest(http.send(HttpRequest.newBuilder(URI.create(client.origin()
                + "/imaging-source/wado?requestType=WADO&studyUID=" + study.studyInstanceUid() + "&seriesUID="
                + study.seriesUid(1) + "&objectUID=1.2.250.1.999.77.1.9&contentType=application/dicom")).build(),
                HttpResponse.BodyHandlers.ofInputStream()).body());

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        String sent = digest(Files.newInputStream(file));
        assertThat(retrieved).isEqualTo(sent);
        assertThat(wadoUri).isEqualTo(sent);
        try (var channel = java.nio.channels.FileChannel.open(pixels)) { // the last frame ends the file
            assertThat(lastFrame).isEqualTo(digest(java.nio.channels.Channels.newInputStream(
                    channel.position((long) (FRAMES - 1) * FRAME_LENGTH))));
        }
    }

    private static HttpRequest stowRequest(String url, Path file) {
        String boundary = "large-stream-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(java.util.Collections.enumeration(List.of(
                                new ByteArrayInputStream(head), Files.newInputStream(file),
                                new ByteArrayInputStream(tail))));
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).build();
    }

    private String firstPartDigest(String url, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(url));
        if (accept != null) {
            request.header("Accept", accept);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        try (var reader = MultipartReader.of(response.body(),
                response.headers().firstValue("Content-Type").orElseThrow())) {
            var part = reader.next();
            String digest = digest(part.body());
            assertThat(reader.next()).isNull();
            return digest;
        }
    }

    private static String digest(InputStream in) throws Exception {
        var sha1 = MessageDigest.getInstance("SHA-1");
        try (var digesting = new DigestInputStream(in, sha1)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha1.digest());
    }

    private static Path randomFile(Path file, long length) throws IOException {
        var random = new SplittableRandom(77);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = length; left > 0; left -= block.length) {
                random.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, left));
            }
        }
        return file;
    }
}
