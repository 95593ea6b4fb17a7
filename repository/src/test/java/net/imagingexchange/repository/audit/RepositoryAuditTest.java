// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.imagingexchange.repository.RepositoryApplication;
import net.imagingexchange.repository.RepositoryProperties;
import net.imagingexchange.repository.testing.Documents;
import net.imagingexchange.repository.testing.Submission;
import net.imagingexchange.repository.testing.TestDatabases;
import net.imagingexchange.repository.testing.XdsClients;

/**
 * ATNA: the repository's audit records arrive as RFC 5424 syslog over UDP on a real socket: ITI-41 Import
 * (ITI TF-2 3.41.5.1.2), ITI-42 Export as the registry's client (3.42.5.1.1), ITI-43 Export (3.43.5.1.1), each
 * naming the patient or the documents.
 */
@SpringBootTest(classes = RepositoryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-identity=OPEN", "registry.patient-feed-port=-1",
                "exchange.audit.host=127.0.0.1", "exchange.audit.source-id=repository-under-test"})
@ContextConfiguration(initializers = TestDatabases.class)
class RepositoryAuditTest {

    private static final DatagramSocket SYSLOG = openSyslog();

    @LocalServerPort
    int port;
    @Autowired
    RepositoryProperties properties;

    @DynamicPropertySource
    static void syslogPort(DynamicPropertyRegistry registry) {
        registry.add("exchange.audit.port", SYSLOG::getLocalPort);
    }

    @AfterAll
    static void closeSyslog() {
        SYSLOG.close();
    }

    @Test
    void auditsProvideRegisterAndRetrieve() throws IOException {
        var clients = new XdsClients("http://127.0.0.1:" + port);
        var submission = Submission.fresh().add("text/xml", Documents.random(2_000, 71, "text/xml"));
        String patient = "ParticipantObjectID=\"" + submission.patientId().replace("&", "&amp;") + "\"";

        assertThat(clients.provide(submission).getStatus()).endsWith(":Success");
        assertThat(clients.retrieve(properties.repositoryUniqueId(), List.of(submission.document(0).uniqueId()))
                .getDocumentResponse()).hasSize(1);

        var records = receive(3, "ITI-41", "ITI-42", "ITI-43");
        assertThat(records.stream().filter(r -> r.contains("csd-code=\"ITI-41\"")).findFirst().orElseThrow())
                .contains("<EventID csd-code=\"110107\"")                 // DCM Import
                .contains("EventOutcomeIndicator=\"0\"")
                .contains("AuditSourceID=\"repository-under-test\"")
                .contains(patient);
        assertThat(records.stream().filter(r -> r.contains("csd-code=\"ITI-42\"")
                && r.contains("<EventID csd-code=\"110106\"")).findFirst())  // DCM Export, the repository's
                .hasValueSatisfying(r -> assertThat(r).contains(patient).contains("EventOutcomeIndicator=\"0\""));
        assertThat(records.stream().filter(r -> r.contains("csd-code=\"ITI-43\"")).findFirst().orElseThrow())
                .contains("<EventID csd-code=\"110106\"")
                .contains(submission.document(0).uniqueId());
    }

    @Test
    void auditsAKosManifestAsRad68() throws IOException {
        var clients = new XdsClients("http://127.0.0.1:" + port);
        var submission = Submission.fresh().add("application/dicom", Documents.random(3_000, 72, "application/dicom"));

        assertThat(clients.provide(submission).getStatus()).endsWith(":Success");

        String record = receive(1, "RAD-68").stream().filter(r -> r.contains("csd-code=\"RAD-68\"")).findFirst()
                .orElseThrow();
        assertThat(record).contains("<EventID csd-code=\"110107\"")
                .contains("originalText=\"Provide and Register Imaging Document Set - MTOM/XOP\"")
                .contains(submission.patientId().replace("&", "&amp;"));
    }

    /** Syslog records until one of each transaction arrived (the registry's own ITI-42 Import comes too). */
    private static List<String> receive(int expected, String... transactions) throws IOException {
        var records = new ArrayList<String>();
        var missing = new ArrayList<>(List.of(transactions));
        SYSLOG.setSoTimeout(5000);
        while (!missing.isEmpty() || records.size() < expected) {
            var packet = new DatagramPacket(new byte[65_536], 65_536);
            try {
                SYSLOG.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no audit record of " + missing + " arrived; saw " + records);
            }
            String record = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            records.add(record);
            missing.removeIf(t -> record.contains("csd-code=\"" + t + "\"") && (!t.equals("ITI-42")
                    || record.contains("<EventID csd-code=\"110106\"")));
        }
        return records;
    }

    private static DatagramSocket openSyslog() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
