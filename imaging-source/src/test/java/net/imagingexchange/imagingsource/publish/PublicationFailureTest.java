// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.ExchangeTest;
import net.imagingexchange.imagingsource.testing.FaultyProxy;
import net.imagingexchange.imagingsource.testing.RegionClients;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * RAD-68 through a network that fails: a publication that cannot reach the repository is FAILED with the reason and
 * retried until it succeeds; one whose answer is lost after the registry took it is found in the registry (ITI-18)
 * and counted as published, so the region holds one manifest of the study, not two.
 */
class PublicationFailureTest extends ExchangeTest {

    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final FaultyProxy PROXY = FaultyProxy.start();

    /** The repository behind the proxy; quicker retries than {@link ExchangeTest}'s (its own context). */
    @DynamicPropertySource
    static void repositoryBehindTheProxy(DynamicPropertyRegistry registry) {
        registry.add("imaging-source.publication.repository-url",
                () -> "http://127.0.0.1:" + PROXY.port() + "/repository/iti41");
        registry.add("imaging-source.publication.quiet-period", () -> "500ms");
        registry.add("imaging-source.publication.max-retry-delay", () -> "2s");
        registry.add("imaging-source.publication.receive-timeout", () -> "10s");
    }

    @BeforeEach
    void target() {
        PROXY.target(port);
    }

    @AfterAll
    static void closeProxy() throws Exception {
        PROXY.close();
    }

    @Test
    void aRepositoryThatCannotBeReachedFailsThePublicationUntilItCanBe() throws Exception {
        PROXY.mode(FaultyProxy.Mode.REFUSE);
        var study = send("1.2.250.1.999.62.1", "IDR621");

        var failed = new Studies(base()).awaitStatus(study.studyInstanceUid(),
                s -> Studies.inState("FAILED").test(s) && s.path("failedAttempts").asInt() >= 2, LIMIT);
        assertThat(failed.path("reason").asText()).startsWith("RAD-68 to http://127.0.0.1:" + PROXY.port());
        assertThat(failed.path("nextAttempt").isNull()).isFalse();
        // publishing now, by the status API, fails as well: 502, with the reason
        var now = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base()
                + "/imaging-source/api/studies/" + study.studyInstanceUid() + "/publish"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(now.statusCode()).isEqualTo(502);
        assertThat(now.body()).contains("\"state\":\"FAILED\"").contains("RAD-68 to http://127.0.0.1:" + PROXY.port());

        PROXY.mode(FaultyProxy.Mode.PASS);

        var published = new Studies(base()).awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT);
        assertThat(approvedManifests(study)).extracting(DocumentEntry::getUniqueId)
                .containsExactly(published.path("manifestUid").asText());
    }

    @Test
    void aManifestWhoseAnswerWasLostIsSentAgainAndPublishedOnce() throws Exception {
        PROXY.mode(FaultyProxy.Mode.LOSE_ANSWER);
        var study = send("1.2.250.1.999.62.2", "IDR622");

        var lost = new Studies(base()).awaitStatus(study.studyInstanceUid(),
                s -> Studies.inState("FAILED").test(s) && !s.path("pendingManifestUid").isNull(), LIMIT);
        String pending = lost.path("pendingManifestUid").asText();
        PROXY.mode(FaultyProxy.Mode.PASS);

        var published = new Studies(base()).awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT);
        assertThat(published.path("manifestUid").asText()).isEqualTo(pending);
        assertThat(approvedManifests(study)).extracting(DocumentEntry::getUniqueId).containsExactly(pending);
    }

    private SyntheticStudy send(String studyUid, String regionalId) throws Exception {
        var study = new SyntheticStudy(studyUid, "PER-" + regionalId, "PERONNE", regionalId,
                SyntheticStudy.AFFINITY_DOMAIN, "ACC" + regionalId, 1, 2, 32);
        study.write(dir.resolve("sent"));
        Dcmtk.run("storescu", "-aec", "XDSI_SOURCE", "+sd", "127.0.0.1", Integer.toString(scp.port()),
                dir.resolve("sent").toString());
        return study;
    }

    private List<DocumentEntry> approvedManifests(SyntheticStudy study) throws Exception {
        return new RegionClients(base()).findByReferenceId(study.regionalCx(), List.of(AvailabilityStatus.APPROVED),
                study.studyInstanceUid() + "^^^^urn:ihe:iti:xds:2016:studyInstanceUID");
    }

}
