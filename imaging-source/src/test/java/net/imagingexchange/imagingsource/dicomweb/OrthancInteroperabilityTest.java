// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.imagingexchange.imagingsource.testing.OrthancPeer;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * Software we did not write as the DICOMweb client: Orthanc's DICOMweb plugin, configured with this source as a
 * DICOMweb server, retrieves a study from it (WADO-RS) and stores one into it (STOW-RS, chunked).
 */
@DicomWebTestApplication.DicomWebTest
class OrthancInteroperabilityTest extends DicomWebTestBase {

    static final String SERVER = "imaging-source";

    OrthancPeer orthanc;

    @BeforeEach
    void startOrthanc() throws Exception {
        orthanc = OrthancPeer.start(dir.resolve("orthanc"), Map.of(SERVER, client.root()));
    }

    @AfterEach
    void stopOrthanc() throws Exception {
        if (orthanc != null) {
            orthanc.close();
        }
    }

    @Test
    void orthancRetrievesAStudyFromThisSourceByteForByte() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.76.1", 2, 2);
        List<Path> files = study.write(dir.resolve("sent"));
        assertThat(client.stow("/studies", DicomWebClient.read(files)).statusCode()).isEqualTo(200);

        var retrieve = orthanc.post("/dicom-web/servers/" + SERVER + "/retrieve", "application/json",
                ("{\"Resources\":[{\"Study\":\"" + study.studyInstanceUid() + "\"}],\"Synchronous\":true}")
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(retrieve.statusCode()).as(retrieve.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        assertThat(digestsOfOrthancInstances()).as(orthanc.logTail())
                .containsExactlyInAnyOrderElementsOf(digests(files));
    }

    @Test
    void orthancStoresAStudyIntoThisSourceThroughStowRs() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.76.2", 1, 3);
        List<Path> files = study.write(dir.resolve("sent"));
        String orthancStudy = null;
        for (Path file : files) {
            var uploaded = orthanc.post("/instances", "application/dicom", Files.readAllBytes(file));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
            orthancStudy = DicomWebClient.JSON.readTree(uploaded.body()).get("ParentStudy").asText();
        }

        var stow = orthanc.post("/dicom-web/servers/" + SERVER + "/stow", "application/json",
                ("{\"Resources\":[\"" + orthancStudy + "\"],\"Synchronous\":true}").getBytes(StandardCharsets.UTF_8));

        assertThat(stow.statusCode()).as(stow.body() + "\n" + orthanc.logTail()).isEqualTo(200);
        var stored = source.index.instancesOfStudy(study.studyInstanceUid());
        assertThat(stored).hasSize(3);
        var storedFiles = stored.stream().map(i -> source.store.file(i.fileName())).toList();
        assertThat(digests(storedFiles)).containsExactlyInAnyOrderElementsOf(digests(files));
    }

    private List<String> digestsOfOrthancInstances() throws Exception {
        JsonNode ids = DicomWebClient.JSON.readTree(orthanc.get("/instances").body());
        var digests = new ArrayList<String>();
        for (JsonNode id : ids) {
            var file = orthanc.get("/instances/" + id.asText() + "/file");
            assertThat(file.statusCode()).isEqualTo(200);
            digests.add(sha1(file.body()));
        }
        return digests;
    }

    private static List<String> digests(List<Path> files) throws Exception {
        var digests = new ArrayList<String>();
        for (Path file : files) {
            digests.add(sha1(Files.readAllBytes(file)));
        }
        return digests;
    }

    private static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }
}
