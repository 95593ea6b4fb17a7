// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType.DocumentResponse;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * The Document Source to Consumer round trip through IPF's CXF clients: ITI-41 provides three documents, ITI-18
 * finds them with the hash, size and repositoryUniqueId the repository set, ITI-43 returns them byte-identical.
 */
@RepositoryComponentTest
class ProvideAndRetrieveTest {

    @LocalServerPort
    int port;

    @Autowired
    RepositoryProperties properties;

    XdsClients clients;
    String repositoryUniqueId;

    @BeforeEach
    void clients() {
        clients = new XdsClients("http://127.0.0.1:" + port);
        repositoryUniqueId = properties.repositoryUniqueId();
    }

    @Test
    void providesFindsAndRetrievesThreeDocumentsByteIdentical() {
        var submission = Submission.fresh()
                .add("application/dicom", Documents.random(40_000, 1, "application/dicom"))
                .add("text/xml", Documents.text("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>", "text/xml"))
                .add("text/goofy", Documents.random(700_000, 2, "text/goofy"));

        var provided = clients.provide(submission);

        assertThat(provided.getStatus()).endsWith(":Success");
        Map<String, DocumentEntry> found = clients.findDocuments(submission.patientId()).stream()
                .collect(Collectors.toMap(DocumentEntry::getUniqueId, Function.identity()));
        assertThat(found).hasSize(3);
        for (Submission.Document document : submission.documents()) {
            DocumentEntry entry = found.get(document.uniqueId());
            assertThat(entry.getHash()).isEqualTo(Documents.sha1(document.content()));
            assertThat(entry.getSize()).isEqualTo(Documents.size(document.content()));
            assertThat(entry.getRepositoryUniqueId()).isEqualTo(repositoryUniqueId);
        }

        var retrieved = clients.retrieve(repositoryUniqueId,
                submission.documents().stream().map(Submission.Document::uniqueId).toList());

        assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Success");
        Map<String, DocumentResponse> byUid = retrieved.getDocumentResponse().stream()
                .collect(Collectors.toMap(DocumentResponse::getDocumentUniqueId, Function.identity()));
        assertThat(byUid).hasSize(3);
        for (Submission.Document document : submission.documents()) {
            DocumentResponse response = byUid.get(document.uniqueId());
            assertThat(response.getMimeType()).isEqualTo(document.mimeType());
            assertThat(response.getRepositoryUniqueId()).isEqualTo(repositoryUniqueId);
            assertThat(Documents.sha1(response.getDocument())).isEqualTo(Documents.sha1(document.content()));
        }
    }
}
