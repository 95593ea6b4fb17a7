// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.repository.index.DocumentIndex;
import net.imagingexchange.repository.storage.ContentKey;
import net.imagingexchange.repository.storage.ContentLocks;
import net.imagingexchange.repository.storage.DocumentStore;

/**
 * The fate of stored submissions whose registration is not settled yet (DESIGN.md 6): publish them once the registry
 * accepted them, remove them (and the content nothing else uses) once it refused them. When the registry's answer
 * is lost, or the process stopped before it came, the registry is asked with ITI-18 whether it holds the documents
 * with the hashes stored here: a registration is all or nothing, so all found means registered, none means not.
 * Submissions nobody settled are retried periodically.
 */
public final class PendingSubmissions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingSubmissions.class);

    /** What became of a submission. */
    public enum Outcome { PUBLISHED, REMOVED, UNSETTLED }

    private final DocumentIndex index;
    private final DocumentStore store;
    private final ContentLocks locks;
    private final RegistryClient registry;
    private final Clock clock;
    private ScheduledExecutorService schedule;

    public PendingSubmissions(DocumentIndex index, DocumentStore store, ContentLocks locks, RegistryClient registry,
                              Clock clock) {
        this.index = index;
        this.store = store;
        this.locks = locks;
        this.registry = registry;
        this.clock = clock;
    }

    /** The registry accepted the submission: its documents become retrievable. */
    public void publish(String submission) throws Exception {
        index.makeAvailable(submission);
    }

    /** The registry refused the submission: forget its documents and remove the content nothing else references. */
    public void remove(String submission) {
        try {
            for (ContentKey key : index.removePending(submission)) {
                locks.withLock(key, () -> index.references(key) || store.delete(key));
            }
        } catch (Exception e) {
            // the rows stay pending, never retrievable; settling them again later removes them
            LOG.error("could not remove the documents of refused submission {}", submission, e);
        }
    }

    /**
     * Asks the registry whether it holds the submission's documents, and publishes or removes them accordingly.
     *
     * @param documents uniqueId to hash of each document of the submission.
     */
    public Outcome settle(String submission, Map<String, String> documents) {
        Map<String, String> registered;
        try {
            registered = registry.registeredHashes(documents.keySet());
        } catch (RegistryUnavailableException e) {
            LOG.warn("submission {} stays pending: {}", submission, e.getMessage());
            return Outcome.UNSETTLED;
        }
        boolean ours = documents.entrySet().stream()
                .allMatch(d -> d.getValue().equalsIgnoreCase(registered.get(d.getKey())));
        try {
            if (ours) {
                publish(submission);
                LOG.info("submission {} found registered: its {} documents are published", submission,
                        documents.size());
                return Outcome.PUBLISHED;
            }
            remove(submission);
            LOG.info("submission {} not registered: its {} documents are removed", submission, documents.size());
            return Outcome.REMOVED;
        } catch (Exception e) {
            LOG.error("could not settle submission {}", submission, e);
            return Outcome.UNSETTLED;
        }
    }

    /** Settles every submission stored more than {@code minimumAge} ago and still pending. */
    public void settleAbandoned(Duration minimumAge) {
        try {
            for (var pending : index.pendingSubmissions(clock.instant().minus(minimumAge)).entrySet()) {
                settle(pending.getKey(), pending.getValue());
            }
        } catch (Exception e) {
            LOG.error("could not list the pending submissions", e);
        }
    }

    /**
     * Settles abandoned submissions every {@code interval}, the first time one interval after the start (the
     * registry may be starting too); {@code minimumAge} must exceed the time a registration may take (connect and
     * receive timeouts), so that no submission still in flight is settled.
     */
    public synchronized void start(Duration interval, Duration minimumAge) {
        schedule = Executors.newSingleThreadScheduledExecutor(task -> {
            var thread = new Thread(task, "repository-pending-submissions");
            thread.setDaemon(true);
            return thread;
        });
        schedule.scheduleWithFixedDelay(() -> settleAbandoned(minimumAge), interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
