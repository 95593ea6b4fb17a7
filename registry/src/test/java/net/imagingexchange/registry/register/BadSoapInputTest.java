// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import net.imagingexchange.registry.patientfeed.PatientRegistry;
import net.imagingexchange.registry.testing.RegistryComponentTest;
import net.imagingexchange.registry.testing.Samples;
import net.imagingexchange.registry.testing.SoapClient;

/** Input that is not a well-formed, safe, reasonably sized SOAP 1.2 request: a SOAP fault, and the server stays up. */
@RegistryComponentTest
@TestPropertySource(properties = "registry.max-request-size=64KB")
class BadSoapInputTest {

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
    void answersMalformedXmlWithASenderFaultAndKeepsServing() {
        String valid = Samples.load("iti42/single-document.xml");
        var answer = soap.post(url(), ACTION, valid.substring(0, valid.length() / 2));

        assertThat(answer.httpStatus()).isBetween(400, 500);
        assertThat(answer.body()).contains("Fault");
        assertThat(soap.post(url(), ACTION, Samples.load("iti42/single-document.xml")).status()).isEqualTo("Success");
    }

    @Test
    void refusesADocumentTypeDeclarationWithoutResolvingItsEntities() {
        String valid = Samples.load("iti42/single-document.xml");
        String withEntity = valid.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE soap:Envelope"
                        + " [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
                .replace("CT head without contrast", "&secret;");

        var answer = soap.post(url(), ACTION, withEntity);

        assertThat(answer.httpStatus()).isBetween(400, 500);
        assertThat(answer.body()).contains("Fault").doesNotContain("root:");
    }

    @Test
    void refusesARequestAboveTheConfiguredSize() {
        String valid = Samples.load("iti42/single-document.xml");
        String padding = "<!-- " + "x".repeat(100_000) + " -->";
        var answer = soap.post(url(), ACTION, valid.replace("<soap:Body>", "<soap:Body>" + padding));

        assertThat(answer.httpStatus()).isEqualTo(413);
        assertThat(soap.post(url(), ACTION, Samples.load("iti42/single-document.xml")).status()).isEqualTo("Success");
    }

    @Test
    void refusesAnOversizedRequestSentWithoutContentLengthWhileItStreams() {
        String valid = Samples.load("iti42/single-document.xml");
        String padding = "<!-- " + "x".repeat(100_000) + " -->";
        var answer = soap.postChunked(url(), ACTION, valid.replace("<soap:Body>", "<soap:Body>" + padding));

        assertThat(answer.httpStatus()).isBetween(400, 599);
        assertThat(answer.body()).contains("Fault").contains("larger than the configured limit");
        assertThat(soap.post(url(), ACTION, Samples.load("iti42/single-document.xml")).status()).isEqualTo("Success");
    }

    @Test
    void refusesAnActionThatIsNotTheEndpointsOperation() {
        var answer = soap.post(url(), "urn:ihe:iti:2007:RegistryStoredQuery",
                Samples.load("iti42/single-document.xml").replace("urn:ihe:iti:2007:RegisterDocumentSet-b",
                        "urn:ihe:iti:2007:RegistryStoredQuery"));

        assertThat(answer.httpStatus()).isBetween(400, 500);
        assertThat(answer.body()).contains("ActionNotSupported");
    }

    private String url() {
        return "http://127.0.0.1:" + port + "/registry/iti42";
    }
}
