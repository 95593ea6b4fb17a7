// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The all-in-one exchange starts on its defaults and serves the README's examples: the curl requests of "Try it"
 * are posted as they are, from {@code docs/examples}.
 */
@SpringBootTest(classes = ExchangeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"exchange.data-directory=target/exchange-test-data", "registry.patient-identity=OPEN",
                "registry.patient-feed-port=0", "registry.database.url=jdbc:h2:mem:exchange;DB_CLOSE_DELAY=-1",
                "repository.database.url=jdbc:h2:mem:exchange-repository;DB_CLOSE_DELAY=-1",
                "imaging-source.database.url=jdbc:h2:mem:exchange-imaging-source;DB_CLOSE_DELAY=-1",
                "imaging-source.dicom.port=0", "imaging-source.dicom.bind-address=127.0.0.1",
                "imaging-source.publication.quiet-period=1s", "imaging-source.publication.poll-interval=100ms"})
class ExchangeApplicationTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");

    @LocalServerPort
    int port;

    @Autowired
    DicomServer imagingSourceScp;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsItsHealth() throws Exception {
        var answer = http.send(HttpRequest.newBuilder(uri("/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void servesTheWsdls() throws Exception {
        for (String path : new String[] {"/registry/iti42?wsdl", "/registry/iti18?wsdl", "/repository/iti41?wsdl",
                "/repository/iti43?wsdl", "/imaging-source/rad69?wsdl"}) {
            var answer = http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("urn:ihe:iti:xds-b:2007").contains("soap12:address");
        }
    }

    @Test
    void hostsTheReadingSitesFacade() throws Exception {
        var answer = http.send(HttpRequest.newBuilder(uri("/consumer/dicomweb/studies")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("needs PatientID");
    }

    /**
     * The packaged configuration's reading site (application.yml: Péronne as a {@code local} source) finds a study
     * sent by dcmtk's storescu and retrieves it through the façade, in-process, with its Content-Length.
     */
    @Test
    void theReadingSiteRetrievesAStudyOfTheExchangesOwnImagingSource(@TempDir Path dir) throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.91.1", 1, 2);
        study.write(dir);
        var storescu = new ProcessBuilder("storescu", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd",
                "127.0.0.1", Integer.toString(imagingSourceScp.port()), dir.toString()).redirectErrorStream(true)
                .start();
        String log = new String(storescu.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(storescu.waitFor()).as(log).isZero();
        new Studies("http://127.0.0.1:" + port).awaitStatus(study.studyInstanceUid(), Studies.published(),
                Duration.ofSeconds(90));

        var found = http.send(HttpRequest.newBuilder(uri("/consumer/dicomweb/studies?PatientID="
                + study.regionalId())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(found.body()).contains(study.studyInstanceUid());
        var retrieved = http.send(HttpRequest.newBuilder(uri("/consumer/dicomweb/studies/"
                + study.studyInstanceUid())).header("Accept", "multipart/related; type=\"application/dicom\"")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(retrieved.statusCode()).isEqualTo(200);
        assertThat(retrieved.headers().firstValueAsLong("Content-Length")).hasValue(retrieved.body().length);
        String body = new String(retrieved.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains(study.instanceUid(1, 1)).contains(study.instanceUid(1, 2));
    }

    @Test
    void registersAndFindsTheReadmeExample() throws Exception {
        assertThat(post("/registry/iti42", "iti42-register-kos.xml"))
                .contains("ResponseStatusType:Success");
        assertThat(post("/registry/iti18", "iti18-find-documents.xml"))
                .contains("ResponseStatusType:Success")
                .contains("urn:oasis:names:tc:ebxml-regrep:StatusType:Approved")
                .contains("1.2.250.1.999.5.20261127001");
        assertThat(post("/registry/iti18", "iti18-find-by-study-uid.xml"))
                .contains("ResponseStatusType:Success")
                .contains("ObjectRef id=\"urn:uuid:");
    }

    @Test
    void providesAndRetrievesTheReadmeReport() throws Exception {
        assertThat(post("/repository/iti41", "iti41-provide-report.xml"))
                .contains("ResponseStatusType:Success");
        assertThat(post("/repository/iti43", "iti43-retrieve-report.xml"))
                .contains("ResponseStatusType:Success")
                .contains("text/xml")
                .contains("No acute intracranial abnormality.");
    }

    private String post(String path, String example) throws Exception {
        var request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofFile(EXAMPLES.resolve(example))).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
