// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.A1;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.A2;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.PATIENT_A;
import static net.imagingexchange.imagingsource.dicomweb.qido.QidoTestSource.series;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import net.imagingexchange.imagingsource.testing.OrthancPeer;

/**
 * Orthanc's DICOMweb client, software we did not write, searching this source: it sends the requests and reads
 * the DICOM JSON answers ({@code POST /dicom-web/servers/{name}/get} returns our answer as received;
 * {@code .../qido} returns it as Orthanc parsed it).
 */
@SpringBootTest(classes = QidoTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class QidoOrthancInteropTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    @Test
    void orthancsDicomWebClientFindsAPatientsStudiesAndTheirSeriesOnThisSource() throws Exception {
        String base = "http://127.0.0.1:" + port + QidoRsController.BASE_PATH;
        try (var orthanc = OrthancPeer.start(directory, Map.of("source", base))) {
            var studies = orthanc.post("/dicom-web/servers/source/get", Map.of("Uri", "/studies",
                    "Arguments", Map.of("PatientID", PATIENT_A, "includefield", "StudyDescription")));
            var series = orthanc.post("/dicom-web/servers/source/qido", Map.of("Uri", "/studies/" + A1 + "/series",
                    "Arguments", Map.of("Modality", "CT")));

            assertThat(studies.statusCode()).as(studies.body()).isEqualTo(200);
            JsonNode found = JSON.readTree(studies.body());
            assertThat(values(found, "/0020000D/Value/0")).containsExactly(A2, A1);
            assertThat(values(found, "/00081030/Value/0")).containsExactly("IRM GENOU", "CT THORAX");
            assertThat(values(found, "/00081190/Value/0")).containsExactly(base + "/studies/" + A2,
                    base + "/studies/" + A1);
            assertThat(values(found, "/00201208/Value/0")).containsExactly("3", "3");
            assertThat(series.statusCode()).as(series.body()).isEqualTo(200);
            JsonNode parsed = JSON.readTree(series.body());
            assertThat(values(parsed, "/0020000E/Name")).containsOnly("SeriesInstanceUID");
            assertThat(values(parsed, "/0020000E/Value")).containsExactly(series(A1, 1), series(A1, 2));
            assertThat(values(parsed, "/00080060/Value")).containsExactly("CT", "CT");
            // Orthanc 1.10 (plugin 1.7) parses IS values written as JSON numbers (PS3.18 F.2.3) but leaves them
            // out of this summary; the raw answer above carries them
            assertThat(values(parsed, "/00201209/Name")).containsOnly("NumberOfSeriesRelatedInstances");
        }
    }

    private static List<String> values(JsonNode results, String pointer) {
        var values = new ArrayList<String>();
        results.forEach(result -> values.add(result.at(pointer).asText()));
        return values;
    }
}
