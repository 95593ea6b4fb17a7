// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A series' WADO-RS resource from its manifest's Retrieve URL (spec/xdsi.md 4.2). */
class SeriesReferenceTest {

    private static String seriesUrl(String retrieveUrl) {
        return new StudyManifest.SeriesReference("1.2.3", "AE", "1.9", retrieveUrl, List.of()).wadoRsUrl("1.2", null);
    }

    @Test
    void aRetrieveUrlIsABaseOrAlreadyTheStudysOrSeriesResource() {
        // spec/xdsi.md 4.2: some archives write the resource URL in the KOS
        assertThat(seriesUrl("http://h/dicomweb/"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
        assertThat(seriesUrl("http://h/dicomweb/studies/1.2"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
        assertThat(seriesUrl("http://h/dicomweb/studies/1.2/series/1.2.3"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
        assertThat(new StudyManifest.SeriesReference("1.2.3", "AE", "1.9", "http://h/dicomweb", List.of())
                .wadoRsUrl("1.2", "1.2.3.4")).isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3/instances/1.2.3.4");
    }
}
