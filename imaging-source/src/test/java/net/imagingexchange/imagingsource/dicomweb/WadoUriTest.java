// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** WADO-URI (RAD-55, PS3.18 9): the stored Part 10 file, or a problem naming what is wrong. */
@DicomWebTestApplication.DicomWebTest
class WadoUriTest extends DicomWebTestBase {

    SyntheticStudy study;
    Path sent;

    @BeforeEach
    void storeOneInstance() throws Exception {
        study = SyntheticStudy.of("1.2.250.1.999.75.1", 1, 1);
        sent = study.write(dir).get(0);
        source.ingest(java.util.List.of(sent));
    }

    String query(String extra) {
        return "/imaging-source/wado?requestType=WADO&studyUID=" + study.studyInstanceUid() + "&seriesUID="
                + study.seriesUid(1) + "&objectUID=" + study.instanceUid(1, 1) + extra;
    }

    @Test
    void returnsTheStoredFile() throws Exception {
        var asked = client.get(query("&contentType=application%2Fdicom"), "application/dicom");
        var byAccept = client.get(query(""), "*/*");
        var sameSyntax = client.get(query("&contentType=application/dicom&transferSyntax=1.2.840.10008.1.2.1"),
                null);

        for (var response : new java.net.http.HttpResponse<?>[] {asked, byAccept, sameSyntax}) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom");
            assertThat((byte[]) response.body()).isEqualTo(Files.readAllBytes(sent));
        }
        assertThat(asked.headers().firstValueAsLong("Content-Length")).hasValue(Files.size(sent));
    }

    @Test
    void namesTheParametersThatAreMissingOrWrong() throws Exception {
        var missing = client.get("/imaging-source/wado?requestType=WADO&seriesUID=" + study.seriesUid(1), null);
        var wrong = client.get("/imaging-source/wado?requestType=WADOX&studyUID=1.2.3&seriesUID=x.y&objectUID=4",
                null);
        var rendering = client.get(query("&contentType=application/dicom&rows=128"), null);
        var badSyntax = client.get(query("&transferSyntax=jpeg"), null);
        var anonymize = client.get(query("&anonymize=yes"), null);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(DicomWebClient.json(missing).get("detail").asText())
                .startsWith("missing studyUID, objectUID (PS3.18");
        assertThat(DicomWebClient.json(wrong).get("detail").asText())
                .isEqualTo("requestType=WADOX is not WADO; seriesUID=x.y is not a UID (PS3.18 9.1.2)");
        assertThat(rendering.statusCode()).isEqualTo(400);
        assertThat(DicomWebClient.json(rendering).get("detail").asText()).contains("parameters rows are for rendered");
        assertThat(badSyntax.statusCode()).isEqualTo(400);
        assertThat(anonymize.statusCode()).isEqualTo(400);
    }

    @Test
    void answers404ForAnInstanceItDoesNotHold() throws Exception {
        var response = client.get("/imaging-source/wado?requestType=WADO&studyUID=" + study.studyInstanceUid()
                + "&seriesUID=" + study.seriesUid(1) + "&objectUID=1.2.250.1.999.75.9", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(DicomWebClient.json(response).get("detail").asText()).contains("instance 1.2.250.1.999.75.9");
    }

    @Test
    void refusesRenderedTypesAndOtherTransferSyntaxes() throws Exception {
        var jpeg = client.get(query("&contentType=image/jpeg"), null);
        var jpegByAccept = client.get(query(""), "image/jpeg");
        var otherSyntax = client.get(query("&contentType=application/dicom&transferSyntax="
                + TestInstances.JPEG_BASELINE), null);

        assertThat(jpeg.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(jpeg).get("detail").asText())
                .contains("serves only the stored DICOM instance");
        assertThat(jpegByAccept.statusCode()).isEqualTo(406);
        assertThat(otherSyntax.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(otherSyntax).get("detail").asText())
                .contains("stored in transfer syntax 1.2.840.10008.1.2.1").contains("without transcoding");
    }
}
