// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.FileSystemUtils;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.PatternStream;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * STYLE.md Streaming: a 1 GiB document goes through ITI-41 and back out through ITI-43, in a JVM whose heap is a
 * quarter of the document (surefire execution {@code large-streams}, {@code -Xmx256m}) and which holds the
 * repository, the registry and both CXF clients. The bytes are generated as they are sent and hashed as they come
 * back, so neither side ever has the document in memory.
 */
@Tag("large-stream")
@RepositoryComponentTest
class LargeDocumentExchangeTest {

    private static final long SIZE = 1L << 30;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;

    @Test
    void providesAndRetrievesAOneGibDocumentThroughAHeapAQuarterOfItsSize() throws Exception {
        assertThat(Runtime.getRuntime().maxMemory()).as("run with a heap a quarter of the document")
                .isLessThanOrEqualTo(SIZE / 4);
        var clients = new XdsClients("http://127.0.0.1:" + port);
        var submission = Submission.fresh().add("application/dicom",
                Documents.streamed("application/dicom", () -> new PatternStream(SIZE)));
        String sha1 = Documents.sha1(new PatternStream(SIZE));

        assertThat(clients.provide(submission).getStatus()).endsWith(":Success");
        var entry = clients.findDocuments(submission.patientId()).get(0);
        assertThat(entry.getSize()).isEqualTo(SIZE);
        assertThat(entry.getHash()).isEqualTo(sha1);

        var retrieved = clients.retrieve(properties.repositoryUniqueId(), List.of(submission.document(0).uniqueId()));
        assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Success");
        try (InputStream back = retrieved.getDocumentResponse().get(0).getDocument().getInputStream()) {
            assertThat(Documents.sha1(back)).isEqualTo(sha1);
        }
    }

    @AfterEach
    void removeTheGibibyte() throws IOException {
        FileSystemUtils.deleteRecursively(properties.documentsDirectory());
    }
}
