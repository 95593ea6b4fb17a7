// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.imagingsource.testing.FaultyProxy;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The façade when the region's registry or repository does not answer: the client gets a 502 problem detail that
 * names which, the server stays up, and the same search succeeds once they answer again. The consumer reaches the
 * registry (ITI-18) and the repository (ITI-43) through proxies that can refuse connections.
 */
class RegionUnavailableTest extends RegionTest {

    private static final FaultyProxy REGISTRY = FaultyProxy.start();
    private static final FaultyProxy REPOSITORY = FaultyProxy.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void throughProxies(DynamicPropertyRegistry registry) {
        registry.add("consumer.region.registry-url", () -> "http://127.0.0.1:" + REGISTRY.port() + "/registry/iti18");
        registry.add("consumer.region.default-repository-url",
                () -> "http://127.0.0.1:" + REPOSITORY.port() + "/repository/iti43");
    }

    @BeforeEach
    @AfterEach
    void bothAnswer() {
        REGISTRY.target(port);
        REPOSITORY.target(port);
        REGISTRY.mode(FaultyProxy.Mode.PASS);
        REPOSITORY.mode(FaultyProxy.Mode.PASS);
    }

    private HttpResponse<String> search(String regionalId) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies?PatientID="
                + regionalId)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRegistryThatDoesNotAnswerIsA502ThatSaysSoAndTheSearchWorksOnceItAnswers() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.77.1", "PER-771", "PERONNE", "IDR771",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC771", 1, 1, 32);
        publish(study);
        REGISTRY.mode(FaultyProxy.Mode.REFUSE);

        var refused = search("IDR771");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("the registry did not answer");

        REGISTRY.mode(FaultyProxy.Mode.PASS);
        var found = search("IDR771");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(study.studyInstanceUid());
    }

    @Test
    void aRepositoryThatDoesNotAnswerTheManifestIsA502ThatNamesItAndNothingHalfKnownIsKept() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.77.2", "PER-772", "PERONNE", "IDR772",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC772", 1, 1, 32);
        publish(study);
        REPOSITORY.mode(FaultyProxy.Mode.REFUSE);

        var refused = search("IDR772");

        assertThat(refused.statusCode()).isEqualTo(502);
        assertThat(refused.body()).contains("the repository").contains("did not answer");
        // the study was not remembered without its manifest: a retrieve by UID still asks to search first
        var unknown = http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies/"
                + study.studyInstanceUid() + "/series")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);

        REPOSITORY.mode(FaultyProxy.Mode.PASS);
        var found = search("IDR772");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(study.studyInstanceUid());
    }
}
