// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.EXPLICIT_VR_LITTLE_ENDIAN;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.IMPLICIT_VR_LITTLE_ENDIAN;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.JPEG_BASELINE;
import static net.imagingexchange.imagingsource.rad69.Rad69Client.errors;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType.DocumentResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * RAD-69 over real HTTP with IPF's client (RAD TF-2 4.69.4.2): instances come back byte-identical as MTOM parts,
 * and each one not returned gets its own RegistryError located at its DocumentUniqueId, with a code that says why.
 */
@SpringBootTest(classes = Rad69TestServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RetrieveImagingDocumentSetTest {

    private static final String ERROR = "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error";

    @LocalServerPort
    int port;
    @Autowired
    IngestFixture source;

    Rad69Client client;
    SyntheticStudy study;
    Path sent;

    @BeforeAll
    void ingestATwoSeriesStudy() throws Exception {
        client = new Rad69Client("http://127.0.0.1:" + port + "/imaging-source/rad69");
        study = SyntheticStudy.of("1.2.250.1.999.69.1", 2, 3);
        sent = source.scratch("two-series");
        source.ingest(study.write(sent));
    }

    @Test
    void returnsEveryInstanceOfATwoSeriesStudyByteIdenticalAsDicomParts() throws Exception {
        var request = Rad69Client.Request.accepting(JPEG_BASELINE, EXPLICIT_VR_LITTLE_ENDIAN);
        for (int s = 1; s <= 2; s++) {
            for (int i = 1; i <= 3; i++) {
                request.instance(study.studyInstanceUid(), study.seriesUid(s), Rad69TestServer.RETRIEVE_LOCATION_UID,
                        study.instanceUid(s, i), "urn:oid:1.2.250.1.999.9");
            }
        }

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus())
                .isEqualTo("urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success");
        assertThat(errors(answer)).isEmpty();
        assertThat(answer.getDocumentResponse()).extracting(DocumentResponse::getDocumentUniqueId)
                .containsExactly(study.instanceUid(1, 1), study.instanceUid(1, 2), study.instanceUid(1, 3),
                        study.instanceUid(2, 1), study.instanceUid(2, 2), study.instanceUid(2, 3));
        for (DocumentResponse document : answer.getDocumentResponse()) {
            assertThat(document.getMimeType()).isEqualTo("application/dicom");
            assertThat(document.getRepositoryUniqueId()).isEqualTo(Rad69TestServer.RETRIEVE_LOCATION_UID);
            assertThat(document.getHomeCommunityId()).isEqualTo("urn:oid:1.2.250.1.999.9");
            try (InputStream part = document.getDocument().getInputStream()) {
                assertThat(part).hasBinaryContent(
                        Files.readAllBytes(sent.resolve(document.getDocumentUniqueId() + ".dcm")));
            }
        }
    }

    @Test
    void returnsPartialSuccessWithOneErrorLocatedAtTheUnknownInstance() {
        String unknown = study.seriesUid(1) + ".99";
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(study.studyInstanceUid(), study.seriesUid(1), study.instanceUid(1, 1))
                .instance(study.studyInstanceUid(), study.seriesUid(1), unknown)
                .instance(study.studyInstanceUid(), study.seriesUid(2), study.instanceUid(2, 2));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus())
                .isEqualTo("urn:ihe:iti:2007:ResponseStatusType:PartialSuccess");
        assertThat(answer.getDocumentResponse()).extracting(DocumentResponse::getDocumentUniqueId)
                .containsExactly(study.instanceUid(1, 1), study.instanceUid(2, 2));
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSDocumentUniqueIdError");
            assertThat(e.getLocation()).isEqualTo(unknown);
            assertThat(e.getSeverity()).isEqualTo(ERROR);
            assertThat(e.getCodeContext()).isEqualTo("no instance " + unknown + " is stored here");
        });
    }

    @Test
    void refusesInstancesAddressedToAnotherRepository() {
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(study.studyInstanceUid(), study.seriesUid(1), "1.2.250.1.999.77", study.instanceUid(1, 1),
                        null);

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSUnknownRepositoryId");
            assertThat(e.getLocation()).isEqualTo(study.instanceUid(1, 1));
            assertThat(e.getCodeContext()).isEqualTo("RepositoryUniqueId '1.2.250.1.999.77' is not this Imaging"
                    + " Document Source's " + Rad69TestServer.RETRIEVE_LOCATION_UID);
        });
    }

    @Test
    void refusesAnInstanceWhoseStoredTransferSyntaxIsNotRequested() {
        var request = Rad69Client.Request.accepting(IMPLICIT_VR_LITTLE_ENDIAN, JPEG_BASELINE)
                .instance(study.studyInstanceUid(), study.seriesUid(2), study.instanceUid(2, 1));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("urn:dicom:wado:0007");
            assertThat(e.getLocation()).isEqualTo(study.instanceUid(2, 1));
            assertThat(e.getCodeContext()).isEqualTo("instance " + study.instanceUid(2, 1) + " is stored in"
                    + " transfer syntax 1.2.840.10008.1.2.1, which the TransferSyntaxUIDList does not name;"
                    + " only Implicit VR Little Endian is re-encoded (to Explicit VR Little Endian)");
        });
    }

    @Test
    void returnsAnInstanceInTheTransferSyntaxItWasReceivedInWhenTheListNamesIt() throws Exception {
        var implicit = SyntheticStudy.of("1.2.250.1.999.69.3", 1, 1);
        Path file = source.scratch("implicit").resolve("implicit.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, implicit.dataset(1, 1), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        source.ingest(List.of(file));
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN, IMPLICIT_VR_LITTLE_ENDIAN)
                .instance(implicit.studyInstanceUid(), implicit.seriesUid(1), implicit.instanceUid(1, 1));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Success");
        try (InputStream part = answer.getDocumentResponse().get(0).getDocument().getInputStream()) {
            assertThat(part).hasBinaryContent(Files.readAllBytes(file));
        }
    }

    @Test
    void reEncodesAnImplicitInstanceForAConsumerThatOnlyAcceptsExplicit() throws Exception {
        var implicit = SyntheticStudy.of("1.2.250.1.999.69.4", 1, 1);
        Path file = source.scratch("implicit-only").resolve("implicit.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, implicit.dataset(1, 1), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        source.ingest(List.of(file));
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(implicit.studyInstanceUid(), implicit.seriesUid(1), implicit.instanceUid(1, 1));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Success");
        Path received = source.scratch("implicit-only").resolve("received.dcm");
        try (InputStream part = answer.getDocumentResponse().get(0).getDocument().getInputStream()) {
            Files.copy(part, received);
        }
        assertThat(Dcmtk.run("dcmdump", "-q", received.toString())).contains("=LittleEndianExplicit");
        assertThat(Dcmtk.datasetDump(received)).isEqualTo(Dcmtk.datasetDump(file));
    }

    @Test
    void refusesAnInstanceNamedUnderAnotherSeriesOrStudy() {
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(study.studyInstanceUid(), study.seriesUid(2), study.instanceUid(1, 3))
                .instance("1.2.250.1.999.69.404", study.seriesUid(1), study.instanceUid(1, 2));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).extracting(RegistryError::getErrorCode, RegistryError::getLocation,
                        RegistryError::getCodeContext)
                .containsExactly(
                        tuple("XDSDocumentUniqueIdError", study.instanceUid(1, 3),
                                "instance " + study.instanceUid(1, 3) + " is not in series " + study.seriesUid(2)
                                        + " of study " + study.studyInstanceUid()),
                        tuple("XDSDocumentUniqueIdError", study.instanceUid(1, 2),
                                "instance " + study.instanceUid(1, 2) + " is not in series " + study.seriesUid(1)
                                        + " of study 1.2.250.1.999.69.404"));
    }

    @Test
    void refusesEachInstanceNamedUnderAnEmptyStudyOrSeriesUid() {
        var request = Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance("", study.seriesUid(1), study.instanceUid(1, 1))
                .instance(study.studyInstanceUid(), "", study.instanceUid(1, 2))
                .instance(study.studyInstanceUid(), study.seriesUid(1), study.instanceUid(1, 3));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":PartialSuccess");
        assertThat(answer.getDocumentResponse()).extracting(DocumentResponse::getDocumentUniqueId)
                .containsExactly(study.instanceUid(1, 3));
        assertThat(errors(answer)).extracting(RegistryError::getErrorCode, RegistryError::getLocation,
                        RegistryError::getCodeContext)
                .containsExactly(
                        tuple("XDSRepositoryError", study.instanceUid(1, 1),
                                "studyInstanceUID of the StudyRequest is empty"),
                        tuple("XDSRepositoryError", study.instanceUid(1, 2),
                                "seriesInstanceUID of the SeriesRequest is empty"));
    }

    @Test
    void failsARequestThatNamesNoTransferSyntax() {
        var request = Rad69Client.Request.accepting()
                .instance(study.studyInstanceUid(), study.seriesUid(1), study.instanceUid(1, 1));

        var answer = client.retrieve(request.build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(answer.getDocumentResponse()).isEmpty();
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSRepositoryError");
            assertThat(e.getCodeContext())
                    .isEqualTo("the TransferSyntaxUIDList names no transfer syntax (RAD TF-2 4.69.4.1.2)");
        });
    }

    @Test
    void failsARequestThatNamesNoInstance() {
        var answer = client.retrieve(Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN).build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(errors(answer)).extracting(RegistryError::getCodeContext)
                .containsExactly("the request names no StudyRequest (RAD TF-2 4.69.4.1.2)");
    }

    @Test
    void reportsAnIndexedInstanceWhoseFileIsGoneAsARepositoryError() throws Exception {
        var lost = SyntheticStudy.of("1.2.250.1.999.69.4", 1, 1);
        source.ingest(lost.write(source.scratch("lost")));
        var record = source.index.instance(lost.instanceUid(1, 1)).orElseThrow();
        Files.delete(source.store.file(record.fileName()));

        var answer = client.retrieve(Rad69Client.Request.accepting(EXPLICIT_VR_LITTLE_ENDIAN)
                .instance(lost.studyInstanceUid(), lost.seriesUid(1), lost.instanceUid(1, 1)).build());

        assertThat(answer.getRegistryResponse().getStatus()).endsWith(":Failure");
        assertThat(errors(answer)).singleElement().satisfies(e -> {
            assertThat(e.getErrorCode()).isEqualTo("XDSRepositoryError");
            assertThat(e.getLocation()).isEqualTo(lost.instanceUid(1, 1));
        });
    }

    @Test
    void servesItsWsdlAtTheTransactionsAddress() throws Exception {
        var http = HttpClient.newHttpClient();

        var wsdl = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/imaging-source/rad69?wsdl")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(wsdl.statusCode()).isEqualTo(200);
        assertThat(wsdl.body()).contains("urn:ihe:rad:2009:RetrieveImagingDocumentSet")
                .contains("soap12:address location=\"http://127.0.0.1:" + port + "/imaging-source/rad69\"");
    }
}
