// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * ITI-43 answers (ITI TF-2 3.43.4.2.3): Success when every document is returned, PartialSuccess with one
 * XDSDocumentUniqueIdError per unknown document, XDSUnknownRepositoryId for a document of another repository,
 * Failure when nothing is returned; homeCommunityId echoed.
 */
@RepositoryComponentTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrieveRulesTest {

    private static final String OTHER_REPOSITORY = "1.2.250.1.999.2.77";

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;
    @Autowired
    ServletWebServerApplicationContext context;

    XdsClients clients;
    Submission stored;

    @BeforeEach
    void clients() {
        clients = new XdsClients("http://127.0.0.1:" + port);
    }

    @BeforeAll
    void provide() {
        clients();
        stored = Submission.fresh().add("application/dicom", Documents.random(5_000, 61, "application/dicom"));
        assertThat(clients.provide(stored).getStatus()).endsWith(":Success");
    }

    @Test
    void returnsTheKnownDocumentsAndAnErrorForEachUnknownOne() {
        String unknown = Submission.freshUid();

        var answer = clients.retrieve(properties.repositoryUniqueId(), List.of(stored.document(0).uniqueId(), unknown));

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":PartialSuccess");
        assertThat(answer.getDocumentResponse()).singleElement()
                .satisfies(d -> assertThat(d.getDocumentUniqueId()).isEqualTo(stored.document(0).uniqueId()));
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSDocumentUniqueIdError");
            assertThat(e.getCodeContext()).isEqualTo(unknown);
        });
    }

    @Test
    void failsWhenNoDocumentIsKnown() {
        var answer = clients.retrieve(properties.repositoryUniqueId(), List.of(Submission.freshUid()));

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).extracting(RegistryError::getErrorCode).containsExactly("XDSDocumentUniqueIdError");
    }

    @Test
    void refusesDocumentsOfAnotherRepository() {
        var request = new RetrieveDocumentSetRequestType();
        request.getDocumentRequest().add(documentRequest(properties.repositoryUniqueId(), stored.document(0).uniqueId()));
        request.getDocumentRequest().add(documentRequest(OTHER_REPOSITORY, stored.document(0).uniqueId()));

        var answer = clients.retrieve(request);

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":PartialSuccess");
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSUnknownRepositoryId");
            assertThat(e.getCodeContext()).isEqualTo(OTHER_REPOSITORY);
        });
    }

    @Test
    void echoesTheHomeCommunityId() {
        var request = new RetrieveDocumentSetRequestType();
        var document = documentRequest(properties.repositoryUniqueId(), stored.document(0).uniqueId());
        document.setHomeCommunityId("urn:oid:1.2.250.1.999.9");
        request.getDocumentRequest().add(document);

        var answer = clients.retrieve(request);

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Success");
        assertThat(answer.getDocumentResponse().get(0).getHomeCommunityId()).isEqualTo("urn:oid:1.2.250.1.999.9");
        assertThat(answer.getDocumentResponse().get(0).getMimeType()).isEqualTo("application/dicom");
    }

    @Test
    void refusesARequestWithoutRepositoryUniqueId() {
        var request = new RetrieveDocumentSetRequestType();
        request.getDocumentRequest().add(documentRequest(null, stored.document(0).uniqueId()));

        var answer = clients.retrieve(request);

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).extracting(RegistryError::getErrorCode)
                .containsExactly("XDSRepositoryMetadataError");
    }

    @Test
    void refusesARequestForNoDocument() {
        var answer = clients.retrieve(new RetrieveDocumentSetRequestType());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(errors(answer)).extracting(RegistryError::getErrorCode)
                .containsExactly("XDSRepositoryMetadataError");
    }

    @Test
    void streamsThroughTheConfiguredSocketWriteBuffer() {
        var tomcat = (TomcatWebServer) context.getWebServer();

        assertThat(tomcat.getTomcat().getConnector().getProperty("socket.appWriteBufSize"))
                .isEqualTo(Long.toString(properties.socketWriteBuffer().toBytes()));
    }

    private static RetrieveDocumentSetRequestType.DocumentRequest documentRequest(String repository, String uid) {
        var document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setRepositoryUniqueId(repository);
        document.setDocumentUniqueId(uid);
        return document;
    }

    private static List<RegistryError> errors(RetrieveDocumentSetResponseType answer) {
        var list = answer.getRegistryResponse().getRegistryErrorList();
        return list == null ? List.of() : list.getRegistryError();
    }
}
