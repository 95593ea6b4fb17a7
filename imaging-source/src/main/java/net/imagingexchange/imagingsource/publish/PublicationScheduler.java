// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each study once no instance of it has arrived for the quiet period, and retries failed publications
 * when they are due; one thread, polling the publication table, so nothing depends on what a crash forgot.
 */
public final class PublicationScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublicationScheduler.class);

    private final Publications publications;
    private final Publisher publisher;
    private final Duration quietPeriod;
    private final Clock clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        var t = new Thread(runnable, "imaging-source-publisher");
        t.setDaemon(true);
        return t;
    });

    public PublicationScheduler(Publications publications, Publisher publisher, Duration quietPeriod, Clock clock) {
        this.publications = publications;
        this.publisher = publisher;
        this.quietPeriod = quietPeriod;
        this.clock = clock;
    }

    public void start(Duration pollInterval) {
        thread.scheduleWithFixedDelay(this::publishDue, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Publishes every study that is due now. */
    void publishDue() {
        try {
            long now = clock.millis();
            for (String study : publications.due(now, now - quietPeriod.toMillis())) {
                publisher.publish(study);
            }
        } catch (RuntimeException e) {
            LOG.error("publication round failed; the next round retries", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
