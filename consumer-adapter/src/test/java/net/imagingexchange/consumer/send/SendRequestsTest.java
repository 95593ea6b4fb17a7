// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import net.imagingexchange.consumer.testing.RegionTest;

/** A push request that cannot be done is refused with a problem detail that says why and what to do. */
class SendRequestsTest extends RegionTest {

    private static final SendProperties.Retry ONCE = new SendProperties.Retry(Duration.ofSeconds(1),
            Duration.ofSeconds(1), 1);

    @Autowired
    Destinations destinations;

    private SendClient client;

    @BeforeEach
    void client() {
        client = new SendClient(base());
    }

    @Test
    void withoutAnyDestinationARequestIsAConflictThatSaysWhatToConfigure() throws Exception {
        assertThat(destinations.names()).as("destinations left by another test").isEmpty();

        var refused = client.send("1.2.250.1.999.83.1", "");

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("consumer.send.destinations");
    }

    @Test
    void anUnknownDestinationIsABadRequestThatListsTheConfiguredOnes() throws Exception {
        destinations.define(Destination.dicom("known-pacs", "127.0.0.1", 11112, "PACS", "XDSI_CONSUMER", ONCE));
        try {
            var refused = client.send("1.2.250.1.999.83.1", "?destination=unknown-pacs");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("unknown destination unknown-pacs").contains("known-pacs");

            var conflicting = client.sendWithBody("1.2.250.1.999.83.1", "{\"destination\": \"other\"}");
            assertThat(conflicting.statusCode()).isEqualTo(400);
            assertThat(conflicting.body()).contains("unknown destination other");
            var named = client.sendWithBody("1.2.250.1.999.83.1", "?destination=known-pacs",
                    "{\"destination\": \"other\"}");
            assertThat(named.statusCode()).isEqualTo(400);
            assertThat(named.body()).contains("the query names destination known-pacs and the body other");

            var notJson = client.sendWithBody("1.2.250.1.999.83.1", "destination=known-pacs");
            assertThat(notJson.statusCode()).isEqualTo(400);
        } finally {
            destinations.remove("known-pacs");
        }
    }

    @Test
    void aStudyTheSiteHasNotFoundIsNotFoundAndTheDetailSaysToSearchFirst() throws Exception {
        destinations.define(Destination.dicom("only-pacs", "127.0.0.1", 11112, "PACS", "XDSI_CONSUMER", ONCE));
        try {
            // the only destination is the default one
            var unknown = client.send("1.2.250.1.999.83.404", "");
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(unknown.body()).contains("search for it first").contains("PatientID");

            var notAUid = client.send("not-a-uid", "");
            assertThat(notAUid.statusCode()).isEqualTo(400);
            assertThat(notAUid.body()).contains("is not a Study Instance UID");
        } finally {
            destinations.remove("only-pacs");
        }
    }

    @Test
    void anUnknownJobIsNotFound() throws Exception {
        var unknown = client.get("/consumer/api/sends/no-such-job");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
