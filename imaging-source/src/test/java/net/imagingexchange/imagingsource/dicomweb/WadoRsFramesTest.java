// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.imagingexchange.imagingsource.testing.Part10Ingest;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** WADO-RS frames (PS3.18 10.4.1.1.6): native frames cut from the pixel data, encapsulated ones by fragment. */
@DicomWebTestApplication.DicomWebTest
class WadoRsFramesTest extends DicomWebTestBase {

    static final String ANY_SYNTAX = "multipart/related; type=\"application/octet-stream\"; transfer-syntax=*";

    @Test
    void returnsTheRequestedFramesOfAMultiFrameInstanceInTheirOrder() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.74.1", 1, 1);
        String frames = store(study, TestInstances.part10(TestInstances.multiFrame(study, "1.2.250.1.999.74.1.9",
                3))) + "/frames/";

        var second = client.get(frames + "2", null);
        var thirdAndFirst = client.get(frames + "3,1", "multipart/related; type=\"application/octet-stream\"");
        var bare = client.get(frames + "1", "application/octet-stream");

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(DicomWebClient.parts(second)).singleElement().satisfies(part -> {
            assertThat(part.body()).isEqualTo(TestInstances.frame(2));
            assertThat(part.contentType()).isEqualTo("application/octet-stream; transfer-syntax=1.2.840.10008.1.2.1");
            assertThat(part.headers().get("Content-Location")).isEqualTo(client.root() + frames + "2");
        });
        assertThat(DicomWebClient.parts(thirdAndFirst)).extracting(DicomWebClient.Part::body)
                .containsExactly(TestInstances.frame(3), TestInstances.frame(1));
        assertThat(bare.body()).isEqualTo(TestInstances.frame(1));
    }

    @Test
    void answers404ForAFrameBeyondTheLastAnd400ForAMalformedList() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.74.2", 1, 1);
        String frames = store(study, TestInstances.part10(TestInstances.multiFrame(study, "1.2.250.1.999.74.2.9",
                3))) + "/frames/";

        var beyond = client.get(frames + "1,4", null);
        var zero = client.get(frames + "0", null);
        var words = client.get(frames + "first", null);
        var twoBare = client.get(frames + "1,2", "application/octet-stream");

        assertThat(beyond.statusCode()).isEqualTo(404);
        assertThat(DicomWebClient.json(beyond).get("detail").asText())
                .isEqualTo("frame 4 does not exist: the instance has 3 frames");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(DicomWebClient.json(words).get("detail").asText())
                .contains("frame list \"first\" is not comma-separated frame numbers");
        assertThat(twoBare.statusCode()).isEqualTo(406);
    }

    @Test
    void returnsEncapsulatedFramesOneFragmentEachInTheirStoredSyntax() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.74.3", 1, 1);
        List<byte[]> fragments = List.of(TestInstances.fragment(300, 1), TestInstances.fragment(2000, 2),
                TestInstances.fragment(40, 3));
        String frames = store(study, TestInstances.part10(TestInstances.encapsulated(study, "1.2.250.1.999.74.3.9",
                3, fragments), TestInstances.JPEG_BASELINE)) + "/frames/";

        var second = client.get(frames + "2", ANY_SYNTAX);
        var uncompressed = client.get(frames + "2", "multipart/related; type=\"application/octet-stream\";"
                + " transfer-syntax=1.2.840.10008.1.2.1");

        assertThat(DicomWebClient.parts(second)).singleElement().satisfies(part -> {
            assertThat(part.body()).isEqualTo(fragments.get(1));
            assertThat(part.contentType()).isEqualTo("application/octet-stream; transfer-syntax="
                    + TestInstances.JPEG_BASELINE);
        });
        assertThat(uncompressed.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(uncompressed).get("detail").asText())
                .contains("held in transfer syntax " + TestInstances.JPEG_BASELINE).contains("does not transcode");
    }

    @Test
    void refusesEncapsulatedFramesThatSpanSeveralFragments() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.74.4", 1, 1);
        List<byte[]> fragments = List.of(TestInstances.fragment(30, 1), TestInstances.fragment(20, 2),
                TestInstances.fragment(40, 3));
        String instance = store(study, TestInstances.part10(TestInstances.encapsulated(study,
                "1.2.250.1.999.74.4.9", 2, fragments), TestInstances.JPEG_BASELINE));

        var response = client.get(instance + "/frames/1", ANY_SYNTAX);

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(DicomWebClient.json(response).get("detail").asText())
                .contains("2 frames are encapsulated in 3 fragments").contains("only where each is one fragment");
    }

    @Test
    void servesTheFramesOfEncapsulatedPixelDataAtItsBulkDataUri() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.74.5", 1, 1);
        List<byte[]> fragments = List.of(TestInstances.fragment(300, 7), TestInstances.fragment(200, 8));
        String instance = store(study, TestInstances.part10(TestInstances.encapsulated(study,
                "1.2.250.1.999.74.5.9", 1, fragments), TestInstances.JPEG_BASELINE));

        var metadata = DicomWebClient.json(client.get(instance + "/metadata", null)).get(0);
        var pixelData = client.get(metadata.at("/7FE00010/BulkDataURI").asText(), ANY_SYNTAX);

        assertThat(metadata.at("/7FE00010/vr").asText()).isEqualTo("OB");
        assertThat(DicomWebClient.parts(pixelData)).singleElement().extracting(DicomWebClient.Part::body)
                .isEqualTo(concat(fragments.get(0), fragments.get(1)));
    }

    private String store(SyntheticStudy study, byte[] part10) throws Exception {
        var stored = Part10Ingest.file(source.ingest, new ByteArrayInputStream(part10));
        return "/studies/" + study.studyInstanceUid() + "/series/" + stored.seriesInstanceUid() + "/instances/"
                + stored.sopInstanceUid();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
