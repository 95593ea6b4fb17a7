// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;
import net.imagingexchange.registry.testing.TestDatabase;

/**
 * ATNA: the registry sends its audit records as RFC 5424 syslog over UDP (RFC 5426); a real socket receives them
 * and the test reads the DICOM audit messages (ITI TF-2 3.42.5.1.2: Import, ITI-42; ITI TF-2 3.18.5.1.2: Query,
 * ITI-18, with the query itself).
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.host=127.0.0.1",
                "exchange.audit.source-id=registry-under-test", "exchange.audit.enterprise-site-id=test-region"})
@ContextConfiguration(initializers = TestDatabase.class)
class AuditRecordTest {

    private static final DatagramSocket SYSLOG = openSyslog();

    @LocalServerPort
    int port;
    @Autowired
    PatientRegistry patients;

    private final SoapClient soap = new SoapClient();

    @DynamicPropertySource
    static void syslogPort(DynamicPropertyRegistry registry) {
        registry.add("exchange.audit.port", SYSLOG::getLocalPort);
    }

    @AfterAll
    static void closeSyslog() {
        SYSLOG.close();
    }

    @BeforeEach
    void knownPatient() throws IOException {
        patients.register(Samples.PATIENT);
        drain();
    }

    @Test
    void auditsARegistrationAsAnImportOfTheSubmissionSetForThePatient() throws IOException {
        var answer = soap.post("http://127.0.0.1:" + port + "/registry/iti42",
                "urn:ihe:iti:2007:RegisterDocumentSet-b", Samples.load("iti42/single-document.xml"));
        assertThat(answer.status()).isEqualTo("Success");

        String record = receive("ITI-42");
        assertThat(record).contains("<EventID csd-code=\"110107\"")          // DCM Import
                .contains("EventActionCode=\"C\"")
                .contains("EventOutcomeIndicator=\"0\"")
                .contains("csd-code=\"ITI-42\"")
                .contains("AuditSourceID=\"registry-under-test\"")
                .contains("AuditEnterpriseSiteID=\"test-region\"")
                .contains("ParticipantObjectID=\"" + Samples.PATIENT.replace("&", "&amp;") + "\"")
                .contains("urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd");  // the SubmissionSet participant
    }

    @Test
    void auditsARefusedRegistrationWithAFailureOutcome() throws IOException {
        var answer = soap.post("http://127.0.0.1:" + port + "/registry/iti42",
                "urn:ihe:iti:2007:RegisterDocumentSet-b", Samples.load("iti42/single-document.xml",
                        java.util.Map.of("patientId", Samples.freshPatient())));
        assertThat(answer.status()).isEqualTo("Failure");

        assertThat(receive("ITI-42")).contains("EventOutcomeIndicator=\"8\"");
    }

    @Test
    void auditsAStoredQueryWithTheQueryItself() throws IOException {
        String query = new String(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("..", "docs", "examples", "iti18-find-documents.xml")),
                StandardCharsets.UTF_8).replace("PAT-001", Samples.PATIENT.substring(0, Samples.PATIENT.indexOf('^')));
        var answer = soap.post("http://127.0.0.1:" + port + "/registry/iti18",
                "urn:ihe:iti:2007:RegistryStoredQuery", query);
        assertThat(answer.status()).isEqualTo("Success");

        String record = receive("ITI-18");
        assertThat(record).contains("<EventID csd-code=\"110112\"")          // DCM Query
                .contains("EventActionCode=\"E\"")
                .contains("EventOutcomeIndicator=\"0\"")
                .contains("ParticipantObjectID=\"urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d\"")
                .contains("<ParticipantObjectQuery>")
                .contains("ParticipantObjectID=\"" + Samples.PATIENT.replace("&", "&amp;") + "\"");
    }

    /** The next syslog record that mentions {@code transaction}, within a few seconds. */
    static String receive(String transaction) throws IOException {
        var seen = new ArrayList<String>();
        SYSLOG.setSoTimeout(5000);
        while (true) {
            var packet = new DatagramPacket(new byte[65_536], 65_536);
            try {
                SYSLOG.receive(packet);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("no audit record of " + transaction + " arrived; saw " + seen);
            }
            String record = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            if (record.contains("csd-code=\"" + transaction + "\"")) {
                return record;
            }
            seen.add(record.substring(0, Math.min(200, record.length())));
        }
    }

    private static void drain() throws IOException {
        SYSLOG.setSoTimeout(200);
        try {
            while (true) {
                SYSLOG.receive(new DatagramPacket(new byte[65_536], 65_536));
            }
        } catch (SocketTimeoutException done) {
            // nothing more queued
        }
    }

    private static DatagramSocket openSyslog() {
        try {
            return new DatagramSocket(0, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
