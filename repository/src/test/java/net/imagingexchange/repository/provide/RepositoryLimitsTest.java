// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.MtomRequest;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * The configured limits: a document above {@code repository.max-document-size} is refused while it streams in and
 * nothing of it is kept; a request without MTOM above {@code repository.max-inline-request-size} is refused with
 * HTTP 413 before it is parsed (its base64 would be decoded in memory).
 */
@RepositoryComponentTest
@TestPropertySource(properties = {"repository.max-document-size=64KB", "repository.max-inline-request-size=48KB",
        "repository.attachment-memory-threshold=16KB"})
class RepositoryLimitsTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;

    String iti41;

    @BeforeEach
    void setUp() {
        iti41 = "http://127.0.0.1:" + port + "/repository/iti41";
    }

    @Test
    void refusesADocumentAboveTheLimitAndKeepsNothing() {
        var submission = Submission.fresh()
                .add("text/plain", Documents.random(10_000, 41, "text/plain"))
                .add("application/dicom", Documents.random(64 * 1024 + 1, 42, "application/dicom"));
        long before = Documents.storedFiles(properties.documentsDirectory());

        var answer = MtomRequest.withAllDocuments(submission).post(iti41);

        assertThat(answer.body()).contains("65536");
        assertThat(answer.status()).isNotEqualTo("Success");
        assertThat(Documents.storedFiles(properties.documentsDirectory())).isEqualTo(before);
        assertThat(new XdsClients("http://127.0.0.1:" + port).findDocuments(submission.patientId())).isEmpty();
    }

    @Test
    void refusesADocumentAboveTheLimitThatIsNotTheLastPart() {
        var submission = Submission.fresh()
                .add("application/dicom", Documents.random(64 * 1024 + 1, 45, "application/dicom"))
                .add("text/plain", Documents.random(10_000, 46, "text/plain"));
        long before = Documents.storedFiles(properties.documentsDirectory());

        var answer = MtomRequest.withAllDocuments(submission).post(iti41);

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSRepositoryError");
        assertThat(answer.codeContexts().get(0)).contains("Document1").contains("65536");
        assertThat(Documents.storedFiles(properties.documentsDirectory())).isEqualTo(before);
    }

    @Test
    void acceptsADocumentOfExactlyTheLimit() {
        var submission = Submission.fresh().add("application/dicom",
                Documents.random(64 * 1024, 43, "application/dicom"));

        var answer = MtomRequest.withAllDocuments(submission).post(iti41);

        assertThat(answer.status()).isEqualTo("Success");
    }

    @Test
    void refusesALargeRequestWithoutMtomBeforeParsingIt() {
        var submission = Submission.fresh().add("text/plain", Documents.random(40_000, 44, "text/plain"));

        var answer = MtomRequest.of(submission).inline("Document1", Documents.bytes(submission.document(0).content()))
                .postWithoutMtom(iti41);

        assertThat(answer.httpStatus()).isEqualTo(413);
        assertThat(answer.body()).contains("without MTOM");
    }
}
