// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.api;

import java.time.Instant;

import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.imagingsource.publish.PublicationRecord;
import net.imagingexchange.imagingsource.publish.PublicationState;

/**
 * What the status API says of one study (JSON): what arrived, and where its publication stands.
 *
 * @param upToDate whether the current manifest lists every instance received.
 */
public record StudyStatus(String studyInstanceUid, String patientId, String issuerOfPatientId,
                          String regionalPatientId, String accessionNumber, String studyDate, int series,
                          int instances, Instant lastReceived, PublicationState state, String reason,
                          boolean upToDate, String manifestUid, String manifestEntryUuid, Instant published,
                          String pendingManifestUid, int failedAttempts, Instant nextAttempt) {

    static StudyStatus of(StudyRecord study, PublicationRecord publication, int series, int instances) {
        return new StudyStatus(study.studyInstanceUid(), study.patient().patientId(), study.patient().issuer(),
                publication.regionalPatientId(), study.accessionNumber(), study.studyDate(), series, instances,
                Instant.ofEpochMilli(study.lastReceivedMillis()), publication.state(), publication.reason(),
                publication.publishedRevision() == study.contentRevision() && publication.pending() == null,
                publication.manifestUid(), publication.manifestEntryUuid(),
                publication.publishedMillis() == 0 ? null : Instant.ofEpochMilli(publication.publishedMillis()),
                publication.pending() == null ? null : publication.pending().uid(), publication.attempts(),
                publication.nextAttemptMillis() == 0 ? null : Instant.ofEpochMilli(publication.nextAttemptMillis()));
    }
}
