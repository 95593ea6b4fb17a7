// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import net.imagingexchange.consumer.testing.RegionTest;
import net.imagingexchange.dicom.testing.Part10;
import net.imagingexchange.imagingsource.testing.OrthancPeer;
import net.imagingexchange.imagingsource.testing.RegionClients;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The reading site of Saint-Quentin works with the region through the façade: a study Péronne sent with storescu is
 * found by QIDO-RS, and an Orthanc configured as the reading PACS, with the façade as its DICOMweb server, searches
 * and retrieves it with its own DICOMweb client.
 */
class FacadeEndToEndTest extends RegionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path))
                .header("Accept", "application/dicom+json").build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String value(JsonNode dataset, String tag) {
        return dataset.path(tag).path("Value").path(0).asText();
    }

    @Test
    void aStudySentToPeronneIsFoundByQidoAndOrthancRetrievesItByteIdenticalThroughTheFacade() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.71.1", "PER-71", "PERONNE", "IDR71",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC71", 2, 10, 64);
        List<Path> sent = publish(study);

        var byPatient = get("/consumer/dicomweb/studies?PatientID=IDR71");
        assertThat(byPatient.statusCode()).as(byPatient.body()).isEqualTo(200);
        JsonNode studies = JSON.readTree(byPatient.body());
        assertThat(studies).hasSize(1);
        JsonNode found = studies.get(0);
        assertThat(value(found, "0020000D")).isEqualTo(study.studyInstanceUid());
        assertThat(value(found, "00080050")).isEqualTo("ACC71");
        assertThat(value(found, "00100020")).isEqualTo("IDR71");
        assertThat(value(found, "00100021")).isEqualTo(SyntheticStudy.AFFINITY_DOMAIN);
        assertThat(value(found, "00080061")).isEqualTo("CT");
        assertThat(value(found, "00201206")).isEqualTo("2");
        assertThat(value(found, "00201208")).isEqualTo("20");
        assertThat(value(found, "00081190")).endsWith("/consumer/dicomweb/studies/" + study.studyInstanceUid());
        assertThat(JSON.readTree(get("/consumer/dicomweb/studies?PatientID=IDR71&AccessionNumber=ACC71").body()))
                .hasSize(1);
        assertThat(JSON.readTree(get("/consumer/dicomweb/studies?PatientID=IDR71&AccessionNumber=NOPE").body()))
                .isEmpty();
        JsonNode series = JSON.readTree(get("/consumer/dicomweb/studies/" + study.studyInstanceUid() + "/series")
                .body());
        assertThat(series).hasSize(2);
        assertThat(value(series.get(0), "00080060")).isEqualTo("CT");
        assertThat(value(series.get(0), "00201209")).isEqualTo("10");
        JsonNode instances = JSON.readTree(get("/consumer/dicomweb/studies/" + study.studyInstanceUid()
                + "/series/" + study.seriesUid(2) + "/instances").body());
        assertThat(instances).hasSize(10);

        try (var pacs = OrthancPeer.start(dir.resolve("orthanc"), Map.of("region", base() + "/consumer/dicomweb"))) {
            // Orthanc's DICOMweb client searches the region, then retrieves the study it found
            var qido = pacs.post("/dicom-web/servers/region/qido", Map.of("Uri", "/studies",
                    "Arguments", Map.of("PatientID", "IDR71")));
            assertThat(qido.statusCode()).as(qido.body()).isEqualTo(200);
            assertThat(qido.body()).contains(study.studyInstanceUid());

            var retrieve = pacs.post("/dicom-web/servers/region/retrieve", Map.of("Resources",
                    List.of(Map.of("Study", study.studyInstanceUid()))));
            assertThat(retrieve.statusCode()).as(retrieve.body() + "\n" + pacs.logTail()).isEqualTo(200);

            Map<String, byte[]> inOrthanc = instancesOf(pacs, study.studyInstanceUid());
            assertThat(inOrthanc).hasSize(20);
            for (Path file : sent) {
                String uid = file.getFileName().toString().replace(".dcm", "");
                assertThat(inOrthanc).containsKey(uid);
                assertThat(Part10.dataset(inOrthanc.get(uid))).as(uid).isEqualTo(Part10.dataset(file));
            }
        }
    }

    /** Every instance Orthanc holds of a study, by SOP Instance UID, as Orthanc stored it. */
    private static Map<String, byte[]> instancesOf(OrthancPeer pacs, String studyInstanceUid) throws Exception {
        var lookup = pacs.post("/tools/lookup", "text/plain", studyInstanceUid.getBytes());
        String orthancId = JSON.readTree(lookup.body()).path(0).path("ID").asText();
        JsonNode instances = JSON.readTree(pacs.get("/studies/" + orthancId + "/instances").body());
        Map<String, byte[]> files = new HashMap<>();
        for (JsonNode instance : instances) {
            String id = instance.path("ID").asText();
            String uid = instance.path("MainDicomTags").path("SOPInstanceUID").asText();
            files.put(uid, pacs.get("/instances/" + id + "/file").body());
        }
        return files;
    }

    @Test
    void aReplacedManifestIsFollowed() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.71.3", "PER-73", "PERONNE", "IDR73",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC73", 2, 2, 32);
        Path all = dir.resolve("all");
        study.write(all);
        Path later = Files.createDirectories(dir.resolve("later"));
        for (int i = 1; i <= 2; i++) {
            Files.move(all.resolve(study.instanceUid(2, i) + ".dcm"), later.resolve(study.instanceUid(2, i) + ".dcm"));
        }
        var studies = new Studies(base());
        storescu(all);
        String first = studies.awaitStatus(study.studyInstanceUid(), Studies.published(), LIMIT)
                .path("manifestUid").asText();
        assertThat(JSON.readTree(get("/consumer/dicomweb/studies?PatientID=IDR73").body())).hasSize(1);
        String series = "/consumer/dicomweb/studies/" + study.studyInstanceUid() + "/series";
        assertThat(JSON.readTree(get(series).body())).hasSize(1);

        storescu(later); // a later series: the source publishes a manifest that replaces the first (RPLC)
        studies.awaitStatus(study.studyInstanceUid(),
                s -> Studies.published().test(s) && !s.path("manifestUid").asText().equals(first), LIMIT);

        // the façade asks the registry again once its check interval has passed (1 s here)
        Instant deadline = Instant.now().plus(LIMIT);
        while (JSON.readTree(get(series).body()).size() < 2) {
            assertThat(Instant.now()).as("the façade still lists the replaced manifest's series").isBefore(deadline);
            Thread.sleep(200);
        }
        assertThat(JSON.readTree(get(series + "/" + study.seriesUid(2) + "/instances").body())).hasSize(2);

        // one source holds both series: their metadata in one array, its URLs the façade's
        JsonNode metadata = JSON.readTree(get("/consumer/dicomweb/studies/" + study.studyInstanceUid()
                + "/metadata").body());
        assertThat(metadata).hasSize(4);
        assertThat(metadata.findValuesAsText("BulkDataURI")).hasSize(4)
                .allSatisfy(uri -> assertThat(uri).startsWith(base() + "/consumer/dicomweb/studies/"));
    }

    @Test
    void studyMatchKeysMatchAsDicomSays() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.71.4", "PER-74", "PERONNE", "IDR77",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC77", 1, 1, 32); // CT of 2026-11-27
        publish(study);
        String search = "/consumer/dicomweb/studies?PatientID=IDR77";

        // PS3.4 C.6.1.1.3: any of the listed modalities
        assertThat(JSON.readTree(get(search + "&ModalitiesInStudy=MR,CT").body())).hasSize(1);
        assertThat(JSON.readTree(get(search + "&ModalitiesInStudy=MR%5CCT").body())).hasSize(1);
        assertThat(JSON.readTree(get(search + "&ModalitiesInStudy=MR").body())).isEmpty();
        // PS3.4 C.2.2.2.5: ranges, open at either end; * is Universal Matching
        assertThat(JSON.readTree(get(search + "&StudyDate=*").body())).hasSize(1);
        assertThat(JSON.readTree(get(search + "&StudyDate=20261101-20261130").body())).hasSize(1);
        assertThat(JSON.readTree(get(search + "&StudyDate=-20261127").body())).hasSize(1);
        assertThat(JSON.readTree(get(search + "&StudyDate=20261128-").body())).isEmpty();
        assertThat(JSON.readTree(get(search + "&offset=1").body())).isEmpty();

        var noDate = get(search + "&StudyDate=20261399");
        assertThat(noDate.statusCode()).isEqualTo(400);
        assertThat(noDate.body()).contains("20261399 is no calendar date");
        var backwards = get(search + "&StudyDate=20261130-20261101");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("ends before it starts");
        var badLimit = get(search + "&limit=-1");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit must be a whole number");
    }

    @Test
    void aSearchWithoutPatientIdSaysWhatItNeedsAndAnUnknownStudyIsNotFound() throws Exception {
        var noPatient = get("/consumer/dicomweb/studies?AccessionNumber=ACC1");
        assertThat(noPatient.statusCode()).isEqualTo(400);
        assertThat(noPatient.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(noPatient.body()).contains("needs PatientID");

        var otherDomain = get("/consumer/dicomweb/studies?PatientID=X1&IssuerOfPatientID=1.2.3");
        assertThat(otherDomain.statusCode()).isEqualTo(400);
        assertThat(otherDomain.body()).contains("is not an ID of the affinity domain");

        var badDate = get("/consumer/dicomweb/studies?PatientID=NOBODY&StudyDate=2024");
        assertThat(badDate.statusCode()).isEqualTo(400);
        assertThat(badDate.body()).contains("StudyDate must be YYYYMMDD");

        var unknown = get("/consumer/dicomweb/studies/1.2.250.1.999.71.404/series");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("search for it first");
        var unknownRetrieve = http.send(HttpRequest.newBuilder(URI.create(base()
                        + "/consumer/dicomweb/studies/1.2.250.1.999.71.404")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknownRetrieve.statusCode()).isEqualTo(404);
    }

    @Test
    void wadoRsThroughTheFacadeGivesTheSameDataSetsAsTheSource() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.71.2", "PER-72", "PERONNE", "IDR72",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC72", 1, 5, 32);
        List<Path> sent = publish(study);
        get("/consumer/dicomweb/studies?PatientID=IDR72");

        Path through = RegionClients.wadoRs(base() + "/consumer/dicomweb/studies/" + study.studyInstanceUid(),
                dir.resolve("through"));
        for (Path file : sent) {
            assertThat(Part10.dataset(through.resolve(file.getFileName()))).isEqualTo(Part10.dataset(file));
        }
        // one source holds the whole study: its answer is relayed as it is, its length declared
        var relayed = http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies/"
                + study.studyInstanceUid())).header("Accept", "multipart/related; type=\"application/dicom\"")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(relayed.statusCode()).isEqualTo(200);
        assertThat(relayed.headers().firstValueAsLong("Content-Length")).hasValue(relayed.body().length);
        Path one = RegionClients.wadoRs(base() + "/consumer/dicomweb/studies/" + study.studyInstanceUid()
                + "/series/" + study.seriesUid(1) + "/instances/" + study.instanceUid(1, 3), dir.resolve("one"));
        assertThat(one.resolve(study.instanceUid(1, 3) + ".dcm")).exists();

        var metadata = get("/consumer/dicomweb/studies/" + study.studyInstanceUid() + "/metadata");
        assertThat(metadata.statusCode()).isEqualTo(200);
        JsonNode datasets = JSON.readTree(metadata.body());
        assertThat(datasets).hasSize(5);
        String bulk = datasets.get(0).path("7FE00010").path("BulkDataURI").asText();
        assertThat(bulk).startsWith(base() + "/consumer/dicomweb/studies/" + study.studyInstanceUid());
        var pixels = http.send(HttpRequest.newBuilder(URI.create(bulk)).header("Accept", "application/octet-stream")
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pixels.statusCode()).isEqualTo(200);
        assertThat(pixels.body()).hasSize(32 * 32 * 2);

        var notAcceptable = http.send(HttpRequest.newBuilder(URI.create(base() + "/consumer/dicomweb/studies/"
                + study.studyInstanceUid())).header("Accept", "image/png").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
    }
}
