// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.time.Instant;
import java.util.List;

/**
 * A study pushed to a destination, as far as it got. Immutable: each change is a new value, kept by
 * {@link SendJobs}.
 *
 * @param destination the destination's name, looked up again at each attempt.
 * @param attempts    attempts started.
 * @param stage       what the current (or last) attempt did last: RETRIEVE or SEND.
 * @param nextAttempt when a RETRYING job tries again; null otherwise.
 * @param lastError   why the last attempt did not deliver everything, naming the destination; null if it did.
 * @param total       instances the study's manifest lists.
 * @param retrieved   instances retrieved from the region so far (those already sent included).
 * @param sent        instances the destination took.
 * @param spooled     whether the first retrieval of the whole study is complete: afterwards only the instances
 *                    not retrieved are asked again.
 * @param failures    the instances the last attempt did not deliver.
 */
public record SendJob(String id, String studyInstanceUid, String destination, State state, int attempts,
                      InstanceFailure.Stage stage, Instant created, Instant updated, Instant nextAttempt,
                      String lastError, int total, int retrieved, int sent, boolean spooled,
                      List<InstanceFailure> failures) {

    public enum State {
        QUEUED, RUNNING, RETRYING, DONE, FAILED;

        public boolean finished() {
            return this == DONE || this == FAILED;
        }
    }

    public SendJob {
        failures = List.copyOf(failures);
    }

    public static SendJob queued(String id, String studyInstanceUid, String destination, int total, Instant now) {
        return new SendJob(id, studyInstanceUid, destination, State.QUEUED, 0, InstanceFailure.Stage.RETRIEVE, now,
                now, null, null, total, 0, 0, false, List.of());
    }

    /** A new attempt begins by retrieving what is not spooled yet. */
    public SendJob started(Instant now) {
        return new SendJob(id, studyInstanceUid, destination, State.RUNNING, attempts + 1,
                InstanceFailure.Stage.RETRIEVE, created, now, null, lastError, total, retrieved, sent, spooled,
                failures);
    }

    /** Retrieval is over: what was not had is known; sending begins. */
    public SendJob retrievedAll(int retrievedNow, List<InstanceFailure> notRetrieved, Instant now) {
        return new SendJob(id, studyInstanceUid, destination, state, attempts, InstanceFailure.Stage.SEND, created,
                now, null, lastError, total, retrievedNow, sent, true, notRetrieved);
    }

    /** {@code sentNow} of the retrieved instances delivered so far in this attempt. */
    public SendJob withProgress(int sentNow, Instant now) {
        return new SendJob(id, studyInstanceUid, destination, state, attempts, stage, created, now, nextAttempt,
                lastError, total, retrieved, sentNow, spooled, failures);
    }

    /** The attempt is over: DONE, RETRYING at {@code next}, or FAILED. */
    public SendJob ended(State outcome, Instant next, String error, List<InstanceFailure> left, Instant now) {
        return new SendJob(id, studyInstanceUid, destination, outcome, attempts, stage, created, now, next, error,
                total, retrieved, sent, spooled, left);
    }

    /** After a restart: an attempt that was RUNNING starts again; nothing else changes. */
    public SendJob resumed(int retrievedNow, int sentNow, Instant now) {
        return new SendJob(id, studyInstanceUid, destination, state == State.RUNNING ? State.QUEUED : state,
                attempts, stage, created, now, nextAttempt, lastError, total, retrievedNow, sentNow, spooled,
                failures);
    }
}
