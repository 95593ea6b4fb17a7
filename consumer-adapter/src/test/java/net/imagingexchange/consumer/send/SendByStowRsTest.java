// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.testing.Part10;
import net.imagingexchange.imagingsource.testing.OrthancPeer;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The reading site pushes a study by STOW-RS to an Orthanc with its DICOMweb plugin: Orthanc stores every data set
 * as Péronne sent it; a STOW-RS server that does not answer is named in the job's reason.
 */
class SendByStowRsTest extends PushTest {


    private void define(String name, String url) {
        define(Destination.dicomWeb(name, URI.create(url), ONCE));
    }

    @Test
    void pushesTheStudyByStowRsToOrthancWithEveryDataSetByteIdentical() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.82.1", 2, 3);
        List<Path> sent = publish(study);
        client.search(study.regionalId());
        try (var pacs = OrthancPeer.start(dir.resolve("orthanc"), Map.of())) {
            define("orthanc", pacs.url() + "/dicom-web/studies");

            JsonNode done = client.await(client.queue(study.studyInstanceUid(), "orthanc"),
                    SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(done.path("state").asText()).as(done.toPrettyString() + pacs.logTail()).isEqualTo("DONE");
            assertThat(done.path("counts").path("sent").asInt()).isEqualTo(6);
            Map<String, byte[]> stored = instancesOf(pacs, study.studyInstanceUid());
            assertThat(stored).hasSize(6);
            for (Path file : sent) {
                String uid = file.getFileName().toString().replace(".dcm", "");
                assertThat(Part10.dataset(stored.get(uid))).as(uid).isEqualTo(Part10.dataset(file));
            }
        }
    }

    @Test
    void aStowServerThatDoesNotAnswerIsNamedInTheReason() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.82.2", 1, 2);
        publish(study);
        client.search(study.regionalId());
        define("stow-down", "http://127.0.0.1:" + Storescp.freePort() + "/dicom-web/studies");

        JsonNode failed = client.await(client.queue(study.studyInstanceUid(), "stow-down"),
                SendClient.state("DONE", "FAILED"), LIMIT);

        assertThat(failed.path("state").asText()).isEqualTo("FAILED");
        assertThat(failed.path("lastError").asText()).contains("'stow-down'").contains("could not be reached");
        assertThat(failed.path("failures")).hasSize(2);
    }

    @Test
    void aStowServerThatRefusesTheRequestIsNamedWithItsHttpStatus() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.82.3", 1, 1);
        publish(study);
        client.search(study.regionalId());
        try (var pacs = OrthancPeer.start(dir.resolve("orthanc"), Map.of())) {
            define("not-stow", pacs.url() + "/no-such-service/studies");

            JsonNode failed = client.await(client.queue(study.studyInstanceUid(), "not-stow"),
                    SendClient.state("DONE", "FAILED"), LIMIT);

            assertThat(failed.path("state").asText()).isEqualTo("FAILED");
            assertThat(failed.path("lastError").asText()).contains("'not-stow'").contains("answered HTTP 404");
        }
    }

    /** Every instance Orthanc holds of a study, by SOP Instance UID, as Orthanc stored it. */
    private static Map<String, byte[]> instancesOf(OrthancPeer pacs, String studyInstanceUid) throws Exception {
        var lookup = pacs.post("/tools/lookup", "text/plain", studyInstanceUid.getBytes());
        String orthancId = SendClient.parse(lookup.body()).path(0).path("ID").asText();
        JsonNode instances = SendClient.parse(new String(pacs.get("/studies/" + orthancId + "/instances").body()));
        Map<String, byte[]> files = new HashMap<>();
        for (JsonNode instance : instances) {
            String uid = instance.path("MainDicomTags").path("SOPInstanceUID").asText();
            files.put(uid, pacs.get("/instances/" + instance.path("ID").asText() + "/file").body());
        }
        return files;
    }
}
