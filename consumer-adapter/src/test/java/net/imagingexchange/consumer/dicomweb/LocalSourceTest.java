// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.dicom.web.MediaType;
import net.imagingexchange.imagingsource.ImagingSourceProperties;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * WADO-RS through the façade for a source this exchange hosts ({@code local}, docs/decisions/0014): the source's own
 * answer is given in-process, as it is; an answer the source cannot give (its files gone) leaves the façade to
 * answer, with none of the source's own error mixed in.
 */
class LocalSourceTest extends RegionTest {

    private static final String ACCEPT = "multipart/related; type=\"application/dicom\"";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Autowired
    private ImagingSourceProperties imagingSource;

    @BeforeEach
    void listen() {
        log.start();
        ((Logger) LoggerFactory.getLogger(FacadeRetrieve.class)).addAppender(log);
    }

    @AfterEach
    void stopListening() {
        ((Logger) LoggerFactory.getLogger(FacadeRetrieve.class)).detachAppender(log);
    }

    private SyntheticStudy published(String suffix, int instances) throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.74." + suffix, "PER-74" + suffix, "PERONNE", "IDR74" + suffix,
                SyntheticStudy.AFFINITY_DOMAIN, "ACC74" + suffix, 1, instances, 32);
        publish(study);
        http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies?PatientID=IDR74" + suffix))
                .build(), HttpResponse.BodyHandlers.discarding());
        return study;
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", ACCEPT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The body with its boundary (chosen anew for each answer) replaced by a fixed one. */
    private static String withoutBoundary(HttpResponse<byte[]> answer) {
        String boundary = MediaType.parse(answer.headers().firstValue("Content-Type").orElseThrow())
                .parameter("boundary");
        return new String(answer.body(), StandardCharsets.ISO_8859_1).replace(boundary, "BOUNDARY");
    }

    private boolean answeredInProcess() {
        return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains("answered by the local source"));
    }

    @Test
    void aStudyOfALocalSourceIsTheSourcesOwnAnswerGivenInProcess() throws Exception {
        var study = published("1", 3);

        var facade = get("/consumer/dicomweb/studies/" + study.studyInstanceUid());
        var source = get("/imaging-source/dicomweb/studies/" + study.studyInstanceUid());

        assertThat(facade.statusCode()).isEqualTo(200);
        assertThat(source.statusCode()).isEqualTo(200);
        assertThat(facade.headers().firstValue("Content-Length")).isPresent()
                .isEqualTo(source.headers().firstValue("Content-Length"));
        assertThat(withoutBoundary(facade)).isEqualTo(withoutBoundary(source));
        assertThat(answeredInProcess()).isTrue();
    }

    @Test
    void aLocalSourcesPartialAnswerReachesTheClientWithItsWarning() throws Exception {
        var study = published("2", 3);
        Files.delete(imagingSource.instancesDirectory().resolve(study.studyInstanceUid())
                .resolve(study.instanceUid(1, 2) + ".dcm"));

        var answer = get("/consumer/dicomweb/studies/" + study.studyInstanceUid() + "/series/"
                + study.seriesUid(1));

        assertThat(answer.statusCode()).isEqualTo(206);
        assertThat(answer.headers().firstValue("Warning")).hasValueSatisfying(warning -> assertThat(warning)
                .contains("1 of 3 instances left out"));
        String body = new String(answer.body(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains(study.instanceUid(1, 1)).contains(study.instanceUid(1, 3))
                .doesNotContain(study.instanceUid(1, 2));
        assertThat(answeredInProcess()).isTrue();
    }

    @Test
    void whenTheLocalSourceHasLostTheStudyTheFacadeAnswersItselfNamingEveryInstance() throws Exception {
        var study = published("3", 2);
        for (int i = 1; i <= 2; i++) {
            Files.delete(imagingSource.instancesDirectory().resolve(study.studyInstanceUid())
                    .resolve(study.instanceUid(1, i) + ".dcm"));
        }

        var answer = get("/consumer/dicomweb/studies/" + study.studyInstanceUid());

        // the source's own 410 is not the client's answer: the façade asked RAD-69 too, and says what it got
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).contains(study.instanceUid(1, 1))
                .contains(study.instanceUid(1, 2)).contains("RAD-69");
        assertThat(answeredInProcess()).isFalse();
    }
}
