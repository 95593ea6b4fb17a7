// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.imagingsource.testing.Part10Ingest;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** WADO-RS metadata (PS3.18 10.4.1.1.4, F.2) and the bulk data its BulkDataURIs point to (10.4.1.1.5). */
@DicomWebTestApplication.DicomWebTest
class WadoRsMetadataTest extends DicomWebTestBase {

    @Test
    void namesTheAttributesAndPointsToThePixelData() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.73.1", 1, 2);
        source.ingest(study.write(dir));
        String instance = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 2);

        var response = client.get(instance + "/metadata", "application/dicom+json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/dicom+json");
        JsonNode metadata = DicomWebClient.json(response);
        assertThat(metadata).hasSize(1);
        JsonNode dataset = metadata.get(0);
        assertThat(dataset.at("/00100020/Value/0").asText()).isEqualTo(study.patientId());
        assertThat(dataset.at("/00100010/Value/0/Alphabetic").asText()).isEqualTo("Lefèvre^Zoé");
        assertThat(dataset.at("/00080018/Value/0").asText()).isEqualTo(study.instanceUid(1, 2));
        assertThat(dataset.at("/00280010/Value/0").asInt()).isEqualTo(64);
        assertThat(dataset.at("/7FE00010/vr").asText()).isEqualTo("OW");
        String uri = dataset.at("/7FE00010/BulkDataURI").asText();
        assertThat(uri).isEqualTo(client.root() + instance + "/bulkdata/7FE00010");
        assertThat(dataset.has("00020010")).isFalse();

        var pixels = client.get(uri, null);
        var bare = client.get(uri, "application/octet-stream");

        byte[] expected = TestInstances.pixelData(study.dataset(1, 2));
        assertThat(pixels.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(pixels)).singleElement().satisfies(part -> {
            assertThat(part.body()).isEqualTo(expected);
            assertThat(part.contentType()).isEqualTo("application/octet-stream");
            assertThat(part.headers().get("Content-Location")).isEqualTo(uri);
        });
        assertThat(bare.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
        assertThat(bare.body()).isEqualTo(expected);
    }

    @Test
    void hasOneObjectPerInstanceOfTheStudyOrSeries() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.73.2", 2, 2);
        source.ingest(study.write(dir));

        JsonNode ofStudy = DicomWebClient.json(client.get("/studies/" + study.studyInstanceUid() + "/metadata",
                null));
        JsonNode ofSeries = DicomWebClient.json(client.get("/studies/" + study.studyInstanceUid() + "/series/"
                + study.seriesUid(2) + "/metadata", "*/*"));

        assertThat(ofStudy).extracting(d -> d.at("/00080018/Value/0").asText()).containsExactly(
                study.instanceUid(1, 1), study.instanceUid(1, 2), study.instanceUid(2, 1), study.instanceUid(2, 2));
        assertThat(ofSeries).extracting(d -> d.at("/00080018/Value/0").asText()).containsExactly(
                study.instanceUid(2, 1), study.instanceUid(2, 2));
    }

    @Test
    void putsAValueAboveTheThresholdBehindABulkDataUriInItsSequenceItem() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.73.3", 1, 1);
        var dataset = study.dataset(1, 1);
        byte[] large = TestInstances.fragment(4000, 0x5A);
        var item = dataset.newSequence(Tag.of(0x0008, 0x1140)).addItem(); // Referenced Image Sequence
        item.setString(Tag.REFERENCED_SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        item.setBytes(Tag.of(0x0009, 0x0010), VR.LO, "TEST ".getBytes());
        item.setBytes(Tag.of(0x0009, 0x1001), VR.OB, large);
        item.setBytes(Tag.of(0x0009, 0x1002), VR.OB, new byte[] {1, 2});
        Part10Ingest.file(source.ingest, new ByteArrayInputStream(TestInstances.part10(dataset)));
        String instance = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 1);

        JsonNode metadata = DicomWebClient.json(client.get(instance + "/metadata", null)).get(0);
        String uri = metadata.at("/00081140/Value/0/00091001/BulkDataURI").asText();
        var value = client.get(uri, "multipart/related; type=\"application/octet-stream\"");
        var missing = client.get(instance + "/bulkdata/00081140/1/00091001", null);
        var malformed = client.get(instance + "/bulkdata/0008114", null);

        assertThat(uri).isEqualTo(client.root() + instance + "/bulkdata/00081140/0/00091001");
        assertThat(metadata.at("/00081140/Value/0/00091002/InlineBinary").asText()).isEqualTo("AQI=");
        assertThat(DicomWebClient.parts(value)).singleElement().extracting(DicomWebClient.Part::body)
                .isEqualTo(large);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(DicomWebClient.json(missing).get("detail").asText()).contains("no value at 00081140/1/00091001");
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void refusesMetadataAsXmlAndBulkDataAsAnImage() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.73.4", 1, 1);
        source.ingest(study.write(dir));
        String instance = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 1);

        var xml = client.get(instance + "/metadata", "multipart/related; type=\"application/dicom+xml\"");
        var jpeg = client.get(instance + "/bulkdata/7FE00010", "image/jpeg");
        var compressed = client.get(instance + "/bulkdata/7FE00010",
                "multipart/related; type=\"application/octet-stream\"; transfer-syntax=" + TestInstances.JPEG_BASELINE);

        assertThat(xml.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(xml).get("detail").asText()).contains("not as application/dicom+xml");
        assertThat(jpeg.statusCode()).isEqualTo(406);
        assertThat(compressed.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(compressed).get("detail").asText())
                .contains("uncompressed, little endian (1.2.840.10008.1.2.1)");
    }
}
