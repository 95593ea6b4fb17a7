// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document of a RAD-68 request streams from its file (STYLE.md Streaming): a file larger than the test JVM's heap
 * (surefire execution {@code large-streams}, {@code -Xmx256m}) goes through the DataHandler as MTOM would send it. The
 * file is sparse, so the test costs no disk.
 */
@Tag("large-stream")
class KosDocumentStreamTest {

    static final long SIZE = 384L * 1024 * 1024;

    @TempDir
    Path dir;

    @Test
    void streamsADocumentLargerThanTheHeapFromItsFile() throws Exception {
        Path file = dir.resolve("large.dcm");
        try (var sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(SIZE);
        }
        var metadata = new ManifestMetadata(MetadataSettings.of(ManifestMetadataTest.DEFAULTS, ZoneId.of("UTC")),
                UUID::randomUUID);
        var request = metadata.request(new ManifestSubmission(Studies.ctAndMr(), new ManifestIdentity("2.25.1",
                "2.25.2", ZonedDateTime.now()), file, ManifestMetadataTest.REGIONAL_ID, "2.25.3", ZonedDateTime.now(),
                Optional.empty()));
        var counter = new CountingOutputStream();

        request.getDocuments().get(0).getDataHandler().writeTo(counter);

        assertThat(counter.count).isEqualTo(SIZE);
        assertThat(SIZE).isGreaterThan(Runtime.getRuntime().maxMemory());
    }

    private static final class CountingOutputStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
