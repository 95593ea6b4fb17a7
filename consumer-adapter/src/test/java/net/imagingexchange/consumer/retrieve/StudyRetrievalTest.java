// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StudyRetrievalTest {

    @Test
    void aRetrieveUrlIsABaseOrAlreadyTheStudysOrSeriesResource() {
        // spec/xdsi.md 4.2: some archives write the resource URL in the KOS
        assertThat(StudyRetrieval.resourceUrl("http://h/dicomweb/", "1.2", "1.2.3"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
        assertThat(StudyRetrieval.resourceUrl("http://h/dicomweb/studies/1.2", "1.2", "1.2.3"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
        assertThat(StudyRetrieval.resourceUrl("http://h/dicomweb/studies/1.2/series/1.2.3", "1.2", "1.2.3"))
                .isEqualTo("http://h/dicomweb/studies/1.2/series/1.2.3");
    }
}
