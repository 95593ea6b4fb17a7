// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.net.AcceptorSettings;
import net.imagingexchange.dicom.net.DicomServer;
import net.imagingexchange.dicom.net.StoreHandler;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.dicom.testing.Part10;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The reading site pushes a study Péronne sent to its PACS, played by dcmtk's storescp: every data set arrives
 * byte for byte; a PACS that is down is tried again until it is up; a presentation context it refuses fails its
 * instances with that reason.
 */
class SendByCStoreTest extends PushTest {

    private static final SendProperties.Retry QUICK = new SendProperties.Retry(Duration.ofMillis(300),
            Duration.ofSeconds(1), 60);

    private void define(String name, int port, SendProperties.Retry retry) {
        define(Destination.dicom(name, "127.0.0.1", port, Storescp.AE_TITLE, "XDSI_CONSUMER", retry));
    }

    private static void assertReceivedByteIdentical(Storescp pacs, List<Path> sent) throws Exception {
        Map<String, Path> received = pacs.received();
        assertThat(received).as(pacs.log()).hasSize(sent.size());
        for (Path file : sent) {
            String uid = file.getFileName().toString().replace(".dcm", "");
            assertThat(received).containsKey(uid);
            assertThat(Part10.dataset(received.get(uid))).as(uid).isEqualTo(Part10.dataset(file));
        }
    }

    @Test
    void pushesTheStudyByCStoreToStorescpWithEveryDataSetByteIdentical() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.1", 2, 3);
        List<Path> sent = publish(study);
        client.search(study.regionalId());
        int port = Storescp.freePort();
        try (var pacs = Storescp.start(dir.resolve("pacs"), port)) {
            define("reading-pacs", port, QUICK);

            String job = client.queue(study.studyInstanceUid(), "reading-pacs");
            assertThat(job).startsWith("/consumer/api/sends/");
            JsonNode done = client.await(job, SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(done.path("state").asText()).as(done.toPrettyString()).isEqualTo("DONE");
            assertThat(done.path("counts").path("total").asInt()).isEqualTo(6);
            assertThat(done.path("counts").path("retrieved").asInt()).isEqualTo(6);
            assertThat(done.path("counts").path("sent").asInt()).isEqualTo(6);
            assertThat(done.path("counts").path("failed").asInt()).isZero();
            assertThat(done.path("attempts").asInt()).isEqualTo(1);
            assertReceivedByteIdentical(pacs, sent);
        }
        JsonNode listed = SendClient.parse(client.get("/consumer/api/sends?studyInstanceUid="
                + study.studyInstanceUid()).body());
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("destination").asText()).isEqualTo("reading-pacs");
    }

    @Test
    void anInstanceThePacsRefusesIsNamedWithItsStatusAndCommentAndAWarningCountsAsStored() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.9", 1, 3);
        publish(study);
        client.search(study.regionalId());
        String refused = study.instanceUid(1, 2);
        StoreHandler picky = (request, dataset) -> {
            dataset.transferTo(OutputStream.nullOutputStream());
            if (request.sopInstanceUid().equals(refused)) {
                throw new StoreStatusException(StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS, "not what it says");
            }
            return 0xB000; // PS3.4 B.2.3 Coercion of Data Elements: a warning, and stored
        };
        try (var pacs = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(Storescp.AE_TITLE), picky)) {
            define("picky-pacs", pacs.port(), ONCE);

            JsonNode ended = client.await(client.queue(study.studyInstanceUid(), "picky-pacs"),
                    SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(ended.path("state").asText()).as(ended.toPrettyString()).isEqualTo("FAILED");
            assertThat(ended.path("counts").path("sent").asInt()).isEqualTo(2);
            assertThat(ended.path("failures")).hasSize(1);
            JsonNode failure = ended.path("failures").get(0);
            assertThat(failure.path("sopInstanceUid").asText()).isEqualTo(refused);
            assertThat(failure.path("stage").asText()).isEqualTo("SEND");
            assertThat(failure.path("code").asText()).isEqualTo("0xA900");
            assertThat(failure.path("reason").asText()).contains("Error: Data Set does not match SOP Class")
                    .contains("not what it says");
        }
    }

    @Test
    void aRetrySendsAgainOnlyWhatThePacsRefused() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.10", 1, 3);
        publish(study);
        client.search(study.regionalId());
        String refusedOnce = study.instanceUid(1, 3);
        Map<String, Integer> offered = new ConcurrentHashMap<>();
        StoreHandler busyOnce = (request, dataset) -> {
            dataset.transferTo(OutputStream.nullOutputStream());
            if (offered.merge(request.sopInstanceUid(), 1, Integer::sum) == 1
                    && request.sopInstanceUid().equals(refusedOnce)) {
                throw new StoreStatusException(StoreHandler.OUT_OF_RESOURCES, "disk full, try later");
            }
            return StoreHandler.SUCCESS;
        };
        try (var pacs = DicomServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                AcceptorSettings.defaults(Storescp.AE_TITLE), busyOnce)) {
            define("busy-pacs", pacs.port(), QUICK);

            JsonNode done = client.await(client.queue(study.studyInstanceUid(), "busy-pacs"),
                    SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(done.path("state").asText()).as(done.toPrettyString()).isEqualTo("DONE");
            assertThat(done.path("attempts").asInt()).isEqualTo(2);
            assertThat(offered).containsOnly(Map.entry(study.instanceUid(1, 1), 1),
                    Map.entry(study.instanceUid(1, 2), 1), Map.entry(refusedOnce, 2));
        }
    }

    @Test
    void aPacsThatIsDownLeavesTheJobRetryingWithItsReasonAndTheRetryDeliversOnceItIsUp() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.2", 1, 4);
        List<Path> sent = publish(study);
        client.search(study.regionalId());
        int port = Storescp.freePort();
        define("pacs-down", port, QUICK);

        String job = client.queue(study.studyInstanceUid(), "pacs-down");
        JsonNode retrying = client.await(job, SendClient.state("RETRYING"), LIMIT);
        assertThat(retrying.path("lastError").asText()).contains("'pacs-down'").contains("could not be reached");
        assertThat(retrying.path("nextAttempt").asText()).isNotEmpty();
        assertThat(retrying.path("nextAttempt").isTextual()).as("a time, not null").isTrue();
        assertThat(retrying.path("counts").path("retrieved").asInt()).isEqualTo(4);
        assertThat(retrying.path("failures")).hasSize(4);
        assertThat(retrying.path("failures").get(0).path("stage").asText()).isEqualTo("SEND");

        try (var pacs = Storescp.start(dir.resolve("pacs"), port)) {
            JsonNode done = client.await(job, SendClient.state("DONE", "FAILED"), LIMIT);
            assertThat(done.path("state").asText()).as(done.toPrettyString()).isEqualTo("DONE");
            assertThat(done.path("attempts").asInt()).isGreaterThan(1);
            assertThat(done.path("counts").path("sent").asInt()).isEqualTo(4);
            assertThat(done.path("failures")).isEmpty();
            assertThat(done.path("lastError").isNull()).isTrue();
            assertReceivedByteIdentical(pacs, sent);
        }
    }

    @Test
    void aPresentationContextThePacsRefusesFailsItsInstancesWithThatReason() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.3", 1, 2);
        publish(study);
        client.search(study.regionalId());
        int port = Storescp.freePort();
        // +xi: implicit VR little endian only, while the study is stored in explicit VR little endian
        try (var pacs = Storescp.start(dir.resolve("pacs"), port, "+xi")) {
            define("implicit-only", port, ONCE);

            String job = client.queue(study.studyInstanceUid(), "implicit-only");
            JsonNode failed = client.await(job, SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("lastError").asText()).contains("'implicit-only'");
            assertThat(failed.path("failures")).hasSize(2);
            for (JsonNode failure : failed.path("failures")) {
                assertThat(failure.path("reason").asText()).contains("did not accept SOP class "
                        + "1.2.840.10008.5.1.4.1.1.2 in transfer syntax 1.2.840.10008.1.2.1");
                assertThat(failure.path("seriesInstanceUid").asText()).isEqualTo(study.seriesUid(1));
            }
            assertThat(pacs.received()).isEmpty();
        }
    }

    @Test
    void aPacsThatRejectsTheAssociationIsNamedWithTheRejection() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.81.4", 1, 1);
        publish(study);
        client.search(study.regionalId());
        int port = Storescp.freePort();
        try (var pacs = Storescp.start(dir.resolve("pacs"), port, "--refuse")) {
            define("refusing", port, ONCE);

            JsonNode failed = client.await(client.queue(study.studyInstanceUid(), "refusing"),
                    SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("lastError").asText()).contains("'refusing'").contains("rejected the association");
        }
    }
}
