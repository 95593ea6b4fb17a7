// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.testing.RegistryComponentTest;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;

@RegistryComponentTest
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
        String unknown = Samples.freshPatient();
        var answer = soap.post(url(), ACTION, Samples.load("iti42/single-document.xml", Map.of("patientId", unknown)));

        assertThat(answer.status()).isEqualTo("Failure");
        assertThat(answer.errorCodes()).containsExactly("XDSUnknownPatientId");
        assertThat(answer.codeContexts().get(0)).contains(unknown);
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/registry/iti42";
    }
}
