// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.ExchangeTest;
import net.imagingexchange.imagingsource.testing.Studies;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * The status API the hospital's IT team uses, over HTTP: the list of received studies, its limits, and publishing a
 * study now.
 */
class StudyStatusApiTest extends ExchangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STUDIES = "/imaging-source/api/studies";

    private Studies studies() {
        return new Studies("http://127.0.0.1:" + port);
    }

    private void storescu(Path directory) throws Exception {
        Dcmtk.run("storescu", "-aet", "PERONNE_PACS", "-aec", "XDSI_SOURCE", "+sd", "127.0.0.1",
                Integer.toString(scp.port()), directory.toString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        return body;
    }

    private static JsonNode find(JsonNode list, String studyInstanceUid) {
        for (JsonNode status : list) {
            if (studyInstanceUid.equals(status.path("studyInstanceUid").asText())) {
                return status;
            }
        }
        return null;
    }

    @Test
    void aLimitBelowOneIsABadRequestNamingTheLimit() throws Exception {
        var body = problem(studies().get(STUDIES + "?limit=0"), 400);

        assertThat(body.path("detail").asText()).contains("limit").contains("was 0");
    }

    @Test
    void aLimitAboveTenThousandIsABadRequestNamingTheLimit() throws Exception {
        var body = problem(studies().get(STUDIES + "?limit=10001"), 400);

        assertThat(body.path("detail").asText()).contains("limit").contains("10001");
    }

    @Test
    void publishingAStudyNeverReceivedIsNotFoundNamingItsUid() throws Exception {
        var body = problem(studies().post(STUDIES + "/1.2.3.999/publish"), 404);

        assertThat(body.path("detail").asText()).contains("1.2.3.999");
    }

    @Test
    void aStudySentByStorescuIsListedWithItsSeriesAndInstanceCounts() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.63.1", "PER-631", "PERONNE", "IDR631",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC631", 2, 3, 32);
        storescu(study.write(dir.resolve("sent")).get(0).getParent());

        var response = studies().get(STUDIES);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode listed = find(JSON.readTree(response.body()), study.studyInstanceUid());
        assertThat(listed).as(response.body()).isNotNull();
        assertThat(listed.path("series").asInt()).isEqualTo(2);
        assertThat(listed.path("instances").asInt()).isEqualTo(6);
        assertThat(listed.path("patientId").asText()).isEqualTo("PER-631");
        assertThat(listed.path("issuerOfPatientId").asText()).isEqualTo("PERONNE");
        assertThat(listed.path("accessionNumber").asText()).isEqualTo("ACC631");
    }

    @Test
    void publishingAStudyNowRegistersItsManifestAndPublishingItAgainKeepsThatManifest() throws Exception {
        var study = new SyntheticStudy("1.2.250.1.999.63.2", "PER-632", "PERONNE", "IDR632",
                SyntheticStudy.AFFINITY_DOMAIN, "ACC632", 1, 2, 32);
        storescu(study.write(dir.resolve("sent")).get(0).getParent());
        var studies = studies();
        String publish = STUDIES + "/" + study.studyInstanceUid() + "/publish";

        var first = studies.post(publish);
        var second = studies.post(publish);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode published = JSON.readTree(first.body());
        assertThat(published.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("upToDate").asBoolean()).isTrue();
        assertThat(published.path("regionalPatientId").asText()).isEqualTo(study.regionalCx());
        assertThat(published.path("instances").asInt()).isEqualTo(2);
        String manifestUid = published.path("manifestUid").asText();
        assertThat(manifestUid).isNotEmpty();

        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonNode again = JSON.readTree(second.body());
        assertThat(again.path("state").asText()).isEqualTo("PUBLISHED");
        assertThat(again.path("manifestUid").asText()).isEqualTo(manifestUid);
        assertThat(studies.status(study.studyInstanceUid()).path("manifestUid").asText()).isEqualTo(manifestUid);
    }
}
