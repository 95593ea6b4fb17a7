// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.testing.Part10Ingest;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** WADO-RS retrieve of studies, series and instances (PS3.18 10.4): the stored bytes, negotiated, or a reason. */
@DicomWebTestApplication.DicomWebTest
class WadoRsRetrieveTest extends DicomWebTestBase {

    static final String ELE = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid();
    static final String ILE = TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid();

    @Test
    void retrievesStudySeriesAndInstanceAsTheBytesStoredThroughStowRs() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.1", 1, 3);
        List<Path> files = study.write(dir);
        assertThat(client.stow("/studies", DicomWebClient.read(files)).statusCode()).isEqualTo(200);
        String studyPath = "/studies/" + study.studyInstanceUid();
        String seriesPath = studyPath + "/series/" + study.seriesUid(1);

        var wholeStudy = client.get(studyPath, DicomWebClient.DICOM_MULTIPART);
        var series = client.get(seriesPath, DicomWebClient.DICOM_MULTIPART);
        var instance = client.get(seriesPath + "/instances/" + study.instanceUid(1, 2),
                DicomWebClient.DICOM_MULTIPART);

        assertThat(wholeStudy.statusCode()).isEqualTo(200);
        assertThat(wholeStudy.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("multipart/related; type=\"application/dicom\"; boundary=");
        // instances as stored: the length is declared, no chunked transfer coding
        assertThat(wholeStudy.headers().firstValueAsLong("Content-Length")).hasValue(wholeStudy.body().length);
        assertThat(wholeStudy.headers().firstValue("Transfer-Encoding")).isEmpty();
        List<DicomWebClient.Part> parts = DicomWebClient.parts(wholeStudy);
        assertThat(parts).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(parts.get(i).body()).isEqualTo(Files.readAllBytes(files.get(i)));
            assertThat(parts.get(i).contentType()).isEqualTo("application/dicom; transfer-syntax=" + ELE);
            assertThat(parts.get(i).headers().get("Content-Location")).isEqualTo(client.root() + seriesPath
                    + "/instances/" + study.instanceUid(1, i + 1));
        }
        assertThat(DicomWebClient.parts(series)).extracting(DicomWebClient.Part::body)
                .containsExactly(parts.get(0).body(), parts.get(1).body(), parts.get(2).body());
        assertThat(DicomWebClient.parts(instance)).singleElement().extracting(DicomWebClient.Part::body)
                .isEqualTo(Files.readAllBytes(files.get(1)));
    }

    @Test
    void acceptsEveryRequestForTheStoredTransferSyntax() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.2", 1, 1);
        source.ingest(study.write(dir));
        String path = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 1);

        for (String accept : new String[] {null, "*/*", "multipart/related; type=\"application/dicom\"",
                "multipart/related; type=application/dicom; transfer-syntax=*",
                "multipart/related; type=\"application/dicom\"; transfer-syntax=" + ELE,
                "multipart/related; type=\"application/dicom; transfer-syntax=" + ELE + "\"",
                "application/zip, multipart/related; type=\"application/dicom\";q=0.5"}) {
            var response = client.get(path, accept);
            assertThat(response.statusCode()).as(String.valueOf(accept)).isEqualTo(200);
            assertThat(DicomWebClient.parts(response)).as(String.valueOf(accept)).hasSize(1);
        }
    }

    @Test
    void refusesAnInstanceInATransferSyntaxItDoesNotHold() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.3", 1, 1);
        source.ingest(study.write(dir));
        String path = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 1);

        var response = client.get(path, DicomWebClient.DICOM_MULTIPART + "; transfer-syntax="
                + TestInstances.JPEG_BASELINE);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(DicomWebClient.json(response).get("detail").asText())
                .contains("stored in transfer syntax " + ELE).contains("does not transcode");
    }

    @Test
    void leavesOutOfAStudyTheInstancesNotHeldInTheRequestedTransferSyntax() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.4", 1, 3);
        source.ingest(study.write(dir));
        byte[] implicit = TestInstances.part10(study.dataset(1, 4), ILE);
        Part10Ingest.file(source.ingest, new ByteArrayInputStream(implicit));
        String path = "/studies/" + study.studyInstanceUid();

        var explicitOnly = client.get(path, DicomWebClient.DICOM_MULTIPART + "; transfer-syntax=" + ELE);
        var implicitOnly = client.get(path, DicomWebClient.DICOM_MULTIPART + "; transfer-syntax=" + ILE);
        var all = client.get(path, DicomWebClient.DICOM_MULTIPART + "; transfer-syntax=*");
        var none = client.get(path, DicomWebClient.DICOM_MULTIPART + "; transfer-syntax="
                + TestInstances.JPEG_BASELINE);

        // PS3.18 8.7.3: Explicit VR Little Endian is always available; the implicit instance is re-encoded
        assertThat(explicitOnly.statusCode()).isEqualTo(200);
        var explicitParts = DicomWebClient.parts(explicitOnly);
        assertThat(explicitParts).hasSize(4).allSatisfy(part -> assertThat(part.contentType())
                .isEqualTo("application/dicom; transfer-syntax=" + ELE));
        Path reencoded = dir.resolve("reencoded.dcm");
        Path sent = dir.resolve("sent-implicit.dcm");
        Files.write(sent, implicit);
        String fourth = study.instanceUid(1, 4);
        Files.write(reencoded, explicitParts.stream()
                .filter(part -> new String(part.body(), StandardCharsets.ISO_8859_1).contains(fourth))
                .findFirst().orElseThrow().body());
        assertThat(Dcmtk.datasetDump(reencoded)).isEqualTo(Dcmtk.datasetDump(sent));
        // PS3.18 Table 10.4.3-1: some, but not all, of the target resources
        assertThat(implicitOnly.statusCode()).isEqualTo(206);
        assertThat(DicomWebClient.parts(implicitOnly)).singleElement().satisfies(part -> {
            assertThat(part.body()).isEqualTo(implicit);
            assertThat(part.contentType()).isEqualTo("application/dicom; transfer-syntax=" + ILE);
        });
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(all)).hasSize(4);
        assertThat(none.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(none).get("detail").asText()).contains("does not transcode");
    }

    @Test
    void answers404NamingTheUidItDoesNotHold() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.5", 1, 1);
        source.ingest(study.write(dir));
        String studyPath = "/studies/" + study.studyInstanceUid();

        var unknownStudy = client.get("/studies/1.2.250.1.999.72.50", null);
        var unknownSeries = client.get(studyPath + "/series/1.2.250.1.999.72.51", null);
        var seriesOfAnotherStudy = client.get("/studies/1.2.250.1.999.72.1/series/" + study.seriesUid(1), null);
        var unknownInstance = client.get(studyPath + "/series/" + study.seriesUid(1)
                + "/instances/1.2.250.1.999.72.52", null);
        var unknownMetadata = client.get("/studies/1.2.250.1.999.72.53/metadata", null);

        assertThat(List.of(unknownStudy, unknownSeries, seriesOfAnotherStudy, unknownInstance, unknownMetadata))
                .allSatisfy(response -> {
                    assertThat(response.statusCode()).isEqualTo(404);
                    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                });
        assertThat(DicomWebClient.json(unknownStudy).get("detail").asText())
                .isEqualTo("study 1.2.250.1.999.72.50 is not held here");
        assertThat(DicomWebClient.json(unknownSeries).get("detail").asText())
                .contains("series 1.2.250.1.999.72.51 of study " + study.studyInstanceUid());
        assertThat(DicomWebClient.json(seriesOfAnotherStudy).get("detail").asText())
                .contains("series " + study.seriesUid(1) + " of study 1.2.250.1.999.72.1");
        assertThat(DicomWebClient.json(unknownInstance).get("detail").asText())
                .contains("instance 1.2.250.1.999.72.52");
        assertThat(DicomWebClient.json(unknownMetadata).get("detail").asText()).contains("1.2.250.1.999.72.53");
    }

    @Test
    void refusesMediaTypesItDoesNotServe() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.6", 1, 1);
        source.ingest(study.write(dir));
        String path = "/studies/" + study.studyInstanceUid() + "/series/" + study.seriesUid(1) + "/instances/"
                + study.instanceUid(1, 1);

        for (String accept : new String[] {"application/zip", "image/jpeg", "application/dicom+json",
                "multipart/related; type=\"image/jpeg\""}) {
            var response = client.get(path, accept);
            assertThat(response.statusCode()).as(accept).isEqualTo(406);
            assertThat(DicomWebClient.json(response).get("detail").asText()).as(accept)
                    .contains("multipart/related; type=\"application/dicom\"");
        }
        assertThat(client.get(path, "multipart/related; type=\"application/dicom\"; q=x").statusCode())
                .isEqualTo(400);
    }

    @Test
    void answers400ForAPathSegmentThatIsNotAUid() throws Exception {
        var response = client.get("/studies/1.2.3/series/ABC", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(DicomWebClient.json(response).get("detail").asText()).isEqualTo(
                "series \"ABC\" is not a UID (PS3.5 9.1)");
    }

    @Test
    void dcmdumpReadsARetrievedPart() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.72.7", 1, 1);
        source.ingest(study.write(dir.resolve("sent")));
        var response = client.get("/studies/" + study.studyInstanceUid(), DicomWebClient.DICOM_MULTIPART);
        Path part = dir.resolve("part.dcm");
        Files.write(part, DicomWebClient.parts(response).get(0).body());

        Process dcmdump = new ProcessBuilder("dcmdump", "+P", "0008,0018", "+P", "7fe0,0010", part.toString())
                .redirectErrorStream(true).start();
        String output = new String(dcmdump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(dcmdump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dcmdump.exitValue()).as(output).isZero();
        assertThat(output).contains("[" + study.instanceUid(1, 1) + "]").contains("OW").contains("# 8192,");
    }
}
