// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.index.RepositoryDatabase;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.FaultyRegistry;
import net.imagingexchange.repository.testing.FaultyRegistry.Fault;
import net.imagingexchange.repository.testing.MtomRequest;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * Atomicity when the registry fails (ITI TF-2 3.41.4.1.3, DESIGN.md 6). The repository reaches the real registry
 * of the same server through {@link FaultyRegistry} proxies, one for ITI-42 and one for ITI-18: whether the registry
 * stops in the middle of the submission or hangs until the repository gives up, the source gets
 * XDSRegistryNotAvailable and nothing of the submission stays stored, indexed or registered; when the registry
 * registered the submission but its answer was lost, the documents are published and the source told Success.
 */
@RepositoryComponentTest
@TestPropertySource(properties = {"repository.registry.connect-timeout=1s", "repository.registry.receive-timeout=2s"})
class RegistryOutageTest {

    private static final FaultyRegistry REGISTER = new FaultyRegistry();
    private static final FaultyRegistry QUERY = new FaultyRegistry();

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;
    @Autowired
    RepositoryDatabase database;
    @Autowired
    PendingSubmissions pending;

    XdsClients clients;

    @DynamicPropertySource
    static void faultyRegistry(DynamicPropertyRegistry registry) {
        registry.add("repository.registry.url", () -> REGISTER.url("/registry/iti42"));
        registry.add("repository.registry.query-url", () -> QUERY.url("/registry/iti18"));
    }

    @AfterAll
    static void closeProxies() throws IOException {
        REGISTER.close();
        QUERY.close();
    }

    @BeforeEach
    void setUp() {
        clients = new XdsClients("http://127.0.0.1:" + port);
        REGISTER.forwardTo(port);
        QUERY.forwardTo(port);
        QUERY.fault(Fault.NONE);
    }

    @Test
    void removesEverythingWhenTheRegistryStopsMidSubmission() throws SQLException {
        REGISTER.fault(Fault.STOPS_MID_REQUEST);
        var submission = submission(51);

        var answer = provide(submission);

        assertThat(answer.errorCodes()).containsExactly("XDSRegistryNotAvailable");
        assertThat(answer.codeContexts().get(0)).contains("nothing was stored");
        assertNothingKept(submission);
    }

    @Test
    void givesUpOnARegistryThatHangsAndRemovesEverything() throws SQLException {
        REGISTER.fault(Fault.HANGS);
        var submission = submission(52);

        var answer = provide(submission);

        assertThat(answer.errorCodes()).containsExactly("XDSRegistryNotAvailable");
        assertNothingKept(submission);
    }

    @Test
    void publishesWhatTheRegistryRegisteredWhenItsAnswerWasLost() {
        REGISTER.fault(Fault.LOSES_ANSWER);
        var submission = submission(53);

        var answer = provide(submission);

        assertThat(answer.status()).isEqualTo("Success");
        assertThat(clients.findDocuments(submission.patientId())).hasSize(2);
        var retrieved = clients.retrieve(properties.repositoryUniqueId(), uniqueIds(submission));
        assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Success");
        assertThat(retrieved.getDocumentResponse()).hasSize(2);
    }

    @Test
    void keepsDocumentsInvisibleUntilTheRegistryCanSayThenSettlesThem() throws SQLException {
        REGISTER.fault(Fault.STOPS_MID_REQUEST);
        QUERY.fault(Fault.STOPS_MID_REQUEST);
        var submission = submission(54);
        long files = storedFiles();

        var answer = provide(submission);

        assertThat(answer.errorCodes()).containsExactly("XDSRegistryNotAvailable");
        assertThat(answer.codeContexts().get(0)).contains("not retrievable until the registry says");
        assertThat(indexRows(submission)).isEqualTo(2);
        assertThat(clients.retrieve(properties.repositoryUniqueId(), uniqueIds(submission)).getDocumentResponse())
                .isEmpty();

        QUERY.fault(Fault.NONE);
        pending.settleAbandoned(Duration.ZERO);

        assertThat(storedFiles()).isEqualTo(files);
        assertNothingKept(submission);
    }

    private MtomRequest.Answer provide(Submission submission) {
        var answer = MtomRequest.withAllDocuments(submission).post("http://127.0.0.1:" + port + "/repository/iti41");
        assertThat(REGISTER.connections()).as("the ITI-42 reached the faulty registry").isPositive();
        return answer;
    }

    private void assertNothingKept(Submission submission) throws SQLException {
        assertThat(indexRows(submission)).isZero();
        assertThat(clients.findDocuments(submission.patientId())).isEmpty();
        var retrieved = clients.retrieve(properties.repositoryUniqueId(), uniqueIds(submission));
        assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Failure");
        for (Submission.Document document : submission.documents()) {
            assertThat(Documents.storedFile(properties.documentsDirectory(), document.content())).doesNotExist();
        }
    }

    private static Submission submission(long seed) {
        return Submission.fresh()
                .add("application/dicom", Documents.random(300_000, seed, "application/dicom"))
                .add("text/plain", Documents.random(1_000, seed + 1000, "text/plain"));
    }

    private static List<String> uniqueIds(Submission submission) {
        return submission.documents().stream().map(Submission.Document::uniqueId).toList();
    }

    private long storedFiles() {
        return Documents.storedFiles(properties.documentsDirectory());
    }

    private int indexRows(Submission submission) throws SQLException {
        int rows = 0;
        try (var connection = database.dataSource().getConnection();
             var select = connection.prepareStatement("SELECT COUNT(*) FROM document WHERE document_unique_id = ?")) {
            for (String uniqueId : uniqueIds(submission)) {
                select.setString(1, uniqueId);
                try (var result = select.executeQuery()) {
                    result.next();
                    rows += result.getInt(1);
                }
            }
        }
        return rows;
    }
}
