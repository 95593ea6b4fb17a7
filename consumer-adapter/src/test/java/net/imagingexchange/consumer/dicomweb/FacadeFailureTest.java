// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.dicom.testing.Part10;
import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.imagingsource.testing.FaultyProxy;
import net.imagingexchange.imagingsource.testing.RegionClients;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The façade when an imaging source is unreachable: the manifests' WADO-RS Retrieve URL and the source's RAD-69
 * endpoint are each reached through a proxy that can refuse connections. What WADO-RS cannot give comes by RAD-69;
 * what neither can give is named (spec/xdsi.md 3.5, issue 6 "a manifest whose source is unreachable").
 */
class FacadeFailureTest extends RegionTest {

    private static final FaultyProxy WADO = FaultyProxy.start();
    private static final FaultyProxy RAD69 = FaultyProxy.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private ImagingSourceProperties imagingSource;

    @DynamicPropertySource
    static void throughProxies(DynamicPropertyRegistry registry) {
        // a list binds from one property source: the whole item is given here
        registry.add("consumer.region.imaging-sources[0].retrieve-location-uid", () -> PERONNE_LOCATION_UID);
        registry.add("consumer.region.imaging-sources[0].local", () -> "true");
        registry.add("imaging-source.retrieve.base-url", () -> "http://127.0.0.1:" + WADO.port());
        registry.add("consumer.region.imaging-sources[0].wado-rs-hosts[0]", () -> "127.0.0.1:" + WADO.port());
        registry.add("consumer.region.imaging-sources[0].rad69-url",
                () -> "http://127.0.0.1:" + RAD69.port() + "/imaging-source/rad69");
    }

    @BeforeEach
    void bothReachable() {
        WADO.target(port);
        RAD69.target(port);
        WADO.mode(FaultyProxy.Mode.PASS);
        RAD69.mode(FaultyProxy.Mode.PASS);
    }

    @AfterEach
    void reachableAgain() {
        bothReachable();
    }

    private SyntheticStudy published(String suffix, int instances) throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.72." + suffix, "PER-72" + suffix, "PERONNE", "IDR72" + suffix,
                SyntheticStudy.AFFINITY_DOMAIN, "ACC72" + suffix, 1, instances, 32);
        sent = publish(study);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies?PatientID=IDR72" + suffix))
                .build(), HttpResponse.BodyHandlers.discarding());
        return study;
    }

    private List<Path> sent;

    private HttpResponse<String> retrieveStudy(SyntheticStudy study) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies/"
                + study.studyInstanceUid())).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void whenWadoRsIsUnreachableTheInstancesComeByRad69() throws Exception {
        var study = published("1", 4);
        WADO.mode(FaultyProxy.Mode.REFUSE);

        Path received = RegionClients.wadoRs(base() + "/consumer/dicomweb/studies/" + study.studyInstanceUid(),
                dir.resolve("received"));

        for (Path file : sent) {
            assertThat(Part10.dataset(received.resolve(file.getFileName()))).isEqualTo(Part10.dataset(file));
        }
    }

    @Test
    void whenNeitherAnswersTheAnswerNamesEveryInstanceItCouldNotGet() throws Exception {
        var study = published("2", 3);
        WADO.mode(FaultyProxy.Mode.REFUSE);
        RAD69.mode(FaultyProxy.Mode.REFUSE);

        var answer = retrieveStudy(study);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        for (int i = 1; i <= 3; i++) {
            assertThat(answer.body()).contains(study.instanceUid(1, i));
        }
        assertThat(answer.body()).contains("RAD-69").contains("WADO-RS");
    }

    @Test
    void aSourcesPartialAnswerIsRelayedWithItsWarning() throws Exception {
        var study = published("4", 3);
        Files.delete(imagingSource.instancesDirectory().resolve(study.studyInstanceUid())
                .resolve(study.instanceUid(1, 3) + ".dcm"));

        var answer = retrieveStudy(study);

        assertThat(answer.statusCode()).isEqualTo(206);
        assertThat(answer.headers().firstValue("Warning")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("1 of 3 instances left out"));
        assertThat(answer.body()).contains(study.instanceUid(1, 1)).contains(study.instanceUid(1, 2))
                .doesNotContain(study.instanceUid(1, 3));
    }

    @Test
    void aSourceThatBreaksOffBeforeTheAnswerHasLeftIsA502() throws Exception {
        var study = published("5", 4);
        WADO.cutAfter(4096); // less than the façade buffers before its answer leaves

        var answer = retrieveStudy(study);

        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(answer.body()).contains("broke off").contains("ended after");
    }

    @Test
    void aSourceThatBreaksOffOnceTheAnswerHasLeftCutsItShortRatherThanEndItCleanly() throws Exception {
        var study = published("6", 8);
        WADO.cutAfter(12 * 1024); // the study's answer is about 26 KB; the façade has sent part of it

        // the source's Content-Length was relayed: the client cannot take the cut answer for a whole one
        assertThatThrownBy(() -> retrieveStudy(study)).isInstanceOf(IOException.class);
    }

    @Test
    void anInstanceTheSourceLostIsNamedAndTheRestIsServed() throws Exception {
        var study = published("3", 3);
        Files.delete(imagingSource.instancesDirectory().resolve(study.studyInstanceUid())
                .resolve(study.instanceUid(1, 2) + ".dcm"));
        WADO.mode(FaultyProxy.Mode.REFUSE);

        var answer = retrieveStudy(study);

        assertThat(answer.statusCode()).isEqualTo(206);
        assertThat(answer.headers().firstValue("Warning")).hasValueSatisfying(warning -> assertThat(warning)
                .startsWith("299 ").contains(study.instanceUid(1, 2)).doesNotContain(study.instanceUid(1, 1)));
        assertThat(answer.body()).contains(study.instanceUid(1, 1)).contains(study.instanceUid(1, 3));
    }
}
