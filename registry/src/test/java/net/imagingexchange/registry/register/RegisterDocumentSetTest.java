// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import net.imagingexchange.registry.RegistryApplication;
import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;
import net.imagingexchange.registry.testing.TestDatabase;

@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"registry.patient-feed-port=-1", "exchange.audit.enabled=false"})
@ContextConfiguration(initializers = TestDatabase.class)
class RegisterDocumentSetTest {

    private static final String ACTION = "urn:ihe:iti:2007:RegisterDocumentSet-b";

    @LocalServerPort
    int port;

    @Autowired
    PatientRegistry patients;

    private final SoapClient soap = new SoapClient();

    @BeforeEach
    void knownPatient() {
        patients.register(Samples.PATIENT);
    }

    @Test
    void registersAKosManifestSubmission() {
        var answer = soap.post(url(), ACTION, Samples.load("iti42/single-document.xml"));

        assertThat(answer.httpStatus()).isEqualTo(200);
        assertThat(answer.errorCodes()).isEmpty();
        assertThat(answer.status()).isEqualTo("Success");
        assertThat(answer.value("//wsa:Action")).isEqualTo("urn:ihe:iti:2007:RegisterDocumentSet-bResponse");
    }

    @Test
    void refusesAPatientTheFeedNeverSent() {
        var answer = soap.post(url(), ACTION, Samples.load("iti42/single-document.xml",
                Map.of("patientId", Samples.OTHER_PATIENT)));

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSUnknownPatientId");
        assertThat(answer.codeContexts().get(0)).contains(Samples.OTHER_PATIENT);
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/registry/iti42";
    }
}
