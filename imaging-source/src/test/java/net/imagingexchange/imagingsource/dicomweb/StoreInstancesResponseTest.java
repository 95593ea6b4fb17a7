// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.net.StoreHandler;

/** The STOW-RS status of PS3.18 Table 10.5.3-1 for each mix of outcomes, and the module's Retrieve URL. */
class StoreInstancesResponseTest {

    static final DicomWebUrls URLS = new DicomWebUrls("http://pacs.example/imaging-source/dicomweb");

    @Test
    void answersAsTable10531Says() {
        assertThat(outcome(2, StoreHandler.CANNOT_UNDERSTAND).status()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(outcome(0, StoreHandler.OUT_OF_RESOURCES, StoreHandler.OUT_OF_RESOURCES).status())
                .isEqualTo(HttpStatus.INSUFFICIENT_STORAGE);
        assertThat(outcome(0, StoreHandler.OUT_OF_RESOURCES, StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS)
                .status()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(outcome(1).status()).isEqualTo(HttpStatus.OK);
        var broken = outcome(0);
        broken.malformedBody(null, null, "no close delimiter");
        assertThat(broken.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void namesTheStudyOnlyWhenTheStoredInstancesHaveOne() {
        var twoStudies = outcome(1);
        twoStudies.stored(new StoreInstancesResponse.Stored("1.2.3", "1.2.9.1", "1.2.9", "u"));

        assertThat(outcome(2).module(URLS, null).getString(Tag.RETRIEVE_URL))
                .isEqualTo("http://pacs.example/imaging-source/dicomweb/studies/1.2.8");
        assertThat(twoStudies.module(URLS, null).getString(Tag.RETRIEVE_URL)).isEmpty();
        assertThat(twoStudies.module(URLS, "1.2.7").getString(Tag.RETRIEVE_URL)).endsWith("/studies/1.2.7");
    }

    private static StoreInstancesResponse outcome(int stored, int... failures) {
        var outcome = new StoreInstancesResponse();
        for (int i = 0; i < stored; i++) {
            outcome.stored(new StoreInstancesResponse.Stored("1.2.3", "1.2.8." + i, "1.2.8", "u" + i));
        }
        for (int failure : failures) {
            outcome.failed(new StoreInstancesResponse.Failed("1.2.3", null, failure, "reason"));
        }
        return outcome;
    }
}
