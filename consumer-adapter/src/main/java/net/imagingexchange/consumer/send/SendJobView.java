// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.time.Instant;
import java.util.List;

/**
 * A send job as {@code /consumer/api/sends} shows it.
 *
 * @param self        the job's URL path.
 * @param stage       what the running (or last) attempt did last: RETRIEVE from the region, or SEND.
 * @param nextAttempt when a RETRYING job tries again.
 * @param lastError   why the last attempt did not deliver everything, naming the destination.
 * @param failures    each instance the last attempt did not deliver, with why.
 */
public record SendJobView(String id, String self, String studyInstanceUid, String destination, SendJob.State state,
                          InstanceFailure.Stage stage, int attempts, Instant created, Instant updated,
                          Instant nextAttempt, String lastError, Counts counts, List<InstanceFailure> failures) {

    /**
     * @param total     instances the study's manifest lists.
     * @param retrieved instances had from the region so far.
     * @param sent      instances the destination took.
     * @param failed    instances the last attempt did not deliver.
     */
    public record Counts(int total, int retrieved, int sent, int failed) {
    }

    static SendJobView of(SendJob job) {
        return new SendJobView(job.id(), SendEndpoint.JOBS_PATH + "/" + job.id(), job.studyInstanceUid(),
                job.destination(), job.state(), job.stage(), job.attempts(), job.created(), job.updated(),
                job.nextAttempt(), job.lastError(), new Counts(job.total(), job.retrieved(), job.sent(),
                job.failures().size()), job.failures());
    }
}
