// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Pushing studies to the reading site's PACS (prefix {@code consumer.send}). Jobs and the instances they spool are
 * kept under {@code <consumer.data-directory>/consumer/send}.
 *
 * @param destinations       the nodes a study may be pushed to, by name.
 * @param defaultDestination the destination of a request that names none; empty means the only one configured.
 * @param retry              how a job that did not deliver everything tries again.
 * @param workers            how many jobs run at the same time (1 to 4): each holds one association or request.
 * @param connectTimeout     TCP connection to a destination.
 * @param responseTimeout    the longest wait for a destination's answer (A-ASSOCIATE-AC, C-STORE-RSP, STOW-RS
 *                           response once the request is sent).
 * @param keepFinished       how long DONE and FAILED jobs stay listed (and their file kept).
 */
@ConfigurationProperties("consumer.send")
public record SendProperties(
        @DefaultValue Map<String, Node> destinations,
        @DefaultValue("") String defaultDestination,
        @DefaultValue Retry retry,
        @DefaultValue("1") int workers,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration responseTimeout,
        @DefaultValue("7d") Duration keepFinished) {

    /**
     * A destination as configured.
     *
     * @param type           {@code dicom} (C-STORE SCP) or {@code dicomweb} (STOW-RS origin server).
     * @param host           DICOM: the SCP's host.
     * @param port           DICOM: its port.
     * @param calledAeTitle  DICOM: its AE title.
     * @param callingAeTitle DICOM: ours towards it; empty means {@code consumer.site.ae-title}.
     * @param url            DICOMweb: the STOW-RS studies resource, e.g. {@code https://pacs/dicom-web/studies}.
     * @param retry          this destination's own retry policy; absent means {@code consumer.send.retry}.
     */
    public record Node(
            Destination.Type type,
            @DefaultValue("") String host,
            @DefaultValue("104") int port,
            @DefaultValue("") String calledAeTitle,
            @DefaultValue("") String callingAeTitle,
            URI url,
            Retry retry) {
    }

    /**
     * Backoff between attempts: {@code firstDelay}, doubled after each attempt up to {@code maxDelay}.
     *
     * @param maxAttempts attempts in all, the first included; a job still failing after them is FAILED.
     */
    public record Retry(
            @DefaultValue("30s") Duration firstDelay,
            @DefaultValue("30m") Duration maxDelay,
            @DefaultValue("10") int maxAttempts) {

        public Retry {
            if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("retry needs 0 < first-delay <= max-delay, not " + firstDelay
                        + " and " + maxDelay);
            }
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("retry.max-attempts must be at least 1, not " + maxAttempts);
            }
        }

        /** The wait after attempt number {@code attempt} (1 for the first) failed. */
        public Duration delayAfter(int attempt) {
            Duration delay = firstDelay;
            for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
                delay = delay.multipliedBy(2);
            }
            return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
        }
    }

    public SendProperties {
        destinations = Map.copyOf(destinations);
        if (workers < 1 || workers > 4) {
            throw new IllegalArgumentException("consumer.send.workers must be 1 to 4, not " + workers);
        }
    }
}
