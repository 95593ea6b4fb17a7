// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Destinations and retry policies that cannot work are refused at start-up, each with what is wrong. */
class SendPropertiesTest {

    private static final SendProperties.Retry RETRY = new SendProperties.Retry(Duration.ofSeconds(30),
            Duration.ofMinutes(5), 10);

    @Test
    void theDelayDoublesAfterEachAttemptUpToTheMaximum() {
        assertThat(RETRY.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(RETRY.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(RETRY.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(RETRY.delayAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RETRY.delayAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void bindsDestinationsFromTheConfigurationWithTheirDefaults() {
        var source = new MapConfigurationPropertySource(Map.of(
                "consumer.send.destinations.pacs.type", "dicom",
                "consumer.send.destinations.pacs.host", "pacs.example",
                "consumer.send.destinations.pacs.called-ae-title", "PACS",
                "consumer.send.destinations.viewer.type", "dicomweb",
                "consumer.send.destinations.viewer.url", "https://viewer.example/dicom-web/studies",
                "consumer.send.destinations.viewer.retry.max-attempts", "3"));

        SendProperties properties = new Binder(source).bindOrCreate("consumer.send", SendProperties.class);

        assertThat(properties.retry()).isEqualTo(new SendProperties.Retry(Duration.ofSeconds(30),
                Duration.ofMinutes(30), 10));
        assertThat(properties.workers()).isEqualTo(1);
        var destinations = Destinations.of(properties, "XDSI_CONSUMER");
        assertThat(destinations.find("pacs").orElseThrow().port()).isEqualTo(104);
        assertThat(destinations.find("viewer").orElseThrow().retry().maxAttempts()).isEqualTo(3);
        assertThat(destinations.find("viewer").orElseThrow().retry().firstDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(destinations.defaultDestination()).isEmpty();
    }

    @Test
    void refusesARetryPolicyThatCannotWork() {
        assertThatThrownBy(() -> new SendProperties.Retry(Duration.ZERO, Duration.ofMinutes(1), 3))
                .hasMessageContaining("first-delay");
        assertThatThrownBy(() -> new SendProperties.Retry(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                .hasMessageContaining("max-delay");
        assertThatThrownBy(() -> new SendProperties.Retry(Duration.ofSeconds(1), Duration.ofMinutes(1), 0))
                .hasMessageContaining("max-attempts");
    }

    @Test
    void aDicomNodeCallsWithTheSiteAeTitleUnlessItHasItsOwnAndTakesTheDefaultRetry() {
        var properties = properties(Map.of(
                "pacs", new SendProperties.Node(Destination.Type.DICOM, "pacs.example", 104, "PACS", "", null, null),
                "viewer", new SendProperties.Node(Destination.Type.DICOMWEB, "", 104, "", "",
                        URI.create("https://viewer.example/dicom-web/studies"), null)), "pacs");

        var destinations = Destinations.of(properties, "XDSI_CONSUMER");

        Destination pacs = destinations.find("pacs").orElseThrow();
        assertThat(pacs.callingAeTitle()).isEqualTo("XDSI_CONSUMER");
        assertThat(pacs.retry()).isEqualTo(RETRY);
        assertThat(pacs.describe()).isEqualTo("'pacs' (C-STORE to PACS@pacs.example:104)");
        assertThat(destinations.defaultDestination()).contains(pacs);
        assertThat(destinations.names()).containsExactly("pacs", "viewer");
    }

    @Test
    void refusesDestinationsThatCannotWork() {
        assertThatThrownBy(() -> Destination.dicom("pacs", "", 104, "PACS", "ME", RETRY))
                .hasMessageContaining("needs a host");
        assertThatThrownBy(() -> Destination.dicom("pacs", "h", 104, "A_TITLE_LONGER_THAN_16", "ME", RETRY))
                .hasMessageContaining("called-ae-title");
        assertThatThrownBy(() -> Destination.dicomWeb("web", URI.create("ftp://x/studies"), RETRY))
                .hasMessageContaining("STOW-RS studies resource");
        assertThatThrownBy(() -> Destination.dicom("a/b", "h", 104, "PACS", "ME", RETRY))
                .hasMessageContaining("destination name");
        assertThatThrownBy(() -> new Destinations(List.of(), "missing"))
                .hasMessageContaining("consumer.send.default-destination names missing");
    }

    @Test
    void withSeveralDestinationsAndNoDefaultARequestMustNameOne() {
        var destinations = new Destinations(List.of(Destination.dicom("a", "h", 104, "A", "ME", RETRY),
                Destination.dicom("b", "h", 104, "B", "ME", RETRY)), "");

        assertThat(destinations.defaultDestination()).isEmpty();
    }

    private static SendProperties properties(Map<String, SendProperties.Node> nodes, String defaultDestination) {
        return new SendProperties(nodes, defaultDestination, RETRY, 1, Duration.ofSeconds(10),
                Duration.ofSeconds(60), Duration.ofDays(7));
    }
}
