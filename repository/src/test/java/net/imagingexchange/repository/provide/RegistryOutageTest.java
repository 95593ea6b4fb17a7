// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;

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
import net.imagingexchange.repository.testing.MtomRequest;
import net.imagingexchange.repository.testing.RepositoryComponentTest;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * Atomicity when the registry fails (ITI TF-2 3.41.4.1.3): whether the registry stops in the middle of the
 * submission or hangs until the repository gives up, the source gets XDSRegistryNotAvailable and nothing of the
 * submission stays stored, indexed or registered. The repository registers with a {@link FaultyRegistry}; the
 * real registry of the same server is asked afterwards whether anything reached it.
 */
@RepositoryComponentTest
@TestPropertySource(properties = {"repository.registry.connect-timeout=1s", "repository.registry.receive-timeout=2s"})
class RegistryOutageTest {

    private static final FaultyRegistry FAULTY = new FaultyRegistry();

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;
    @Autowired
    RepositoryDatabase database;

    XdsClients clients;

    @DynamicPropertySource
    static void faultyRegistry(DynamicPropertyRegistry registry) {
        registry.add("repository.registry.url", FAULTY::url);
    }

    @AfterAll
    static void closeRegistry() throws IOException {
        FAULTY.close();
    }

    @BeforeEach
    void setUp() {
        clients = new XdsClients("http://127.0.0.1:" + port);
    }

    @Test
    void removesEverythingWhenTheRegistryStopsMidSubmission() throws SQLException {
        FAULTY.fault(FaultyRegistry.Fault.STOPS_MID_REQUEST);

        assertRegistryNotAvailableAndNothingKept(submission(51));
    }

    @Test
    void givesUpOnARegistryThatHangsAndRemovesEverything() throws SQLException {
        FAULTY.fault(FaultyRegistry.Fault.HANGS);

        assertRegistryNotAvailableAndNothingKept(submission(52));
    }

    private void assertRegistryNotAvailableAndNothingKept(Submission submission) throws SQLException {
        long files = Documents.storedFiles(properties.documentsDirectory());
        int requests = FAULTY.requests();

        var answer = MtomRequest.withAllDocuments(submission).post("http://127.0.0.1:" + port + "/repository/iti41");

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSRegistryNotAvailable");
        assertThat(FAULTY.requests()).as("the ITI-42 reached the registry").isGreaterThan(requests);
        assertThat(Documents.storedFiles(properties.documentsDirectory())).isEqualTo(files);
        assertThat(indexRows(submission)).isZero();
        assertThat(clients.findDocuments(submission.patientId())).isEmpty();
        var retrieved = clients.retrieve(properties.repositoryUniqueId(),
                submission.documents().stream().map(Submission.Document::uniqueId).toList());
        assertThat(retrieved.getRegistryResponse().getStatus()).endsWith(":Failure");
    }

    private static Submission submission(long seed) {
        return Submission.fresh()
                .add("application/dicom", Documents.random(300_000, seed, "application/dicom"))
                .add("text/plain", Documents.random(1_000, seed + 1000, "text/plain"));
    }

    private int indexRows(Submission submission) throws SQLException {
        int rows = 0;
        try (var connection = database.dataSource().getConnection();
             var select = connection.prepareStatement("SELECT COUNT(*) FROM document WHERE document_unique_id = ?")) {
            for (Submission.Document document : submission.documents()) {
                select.setString(1, document.uniqueId());
                try (var result = select.executeQuery()) {
                    result.next();
                    rows += result.getInt(1);
                }
            }
        }
        return rows;
    }
}
