// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

/**
 * A study's publication as recorded.
 *
 * @param studyInstanceUid   the study.
 * @param state              where it stands.
 * @param reason             why it is HELD or FAILED; empty otherwise.
 * @param regionalPatientId  the CX it was published under; empty before.
 * @param publishedRevision  the study's content revision the current manifest lists; 0 before.
 * @param manifestUid        the current manifest's SOP Instance UID (its XDS uniqueId); empty before.
 * @param manifestEntryUuid  its DocumentEntry entryUUID, the target of the next RPLC.
 * @param publishedMillis    when it was registered, epoch milliseconds.
 * @param pending            a manifest sent without a clear answer: re-sent as it is before anything else.
 * @param attempts           failed attempts since the last success.
 * @param nextAttemptMillis  not retried before this, epoch milliseconds.
 */
public record PublicationRecord(String studyInstanceUid, PublicationState state, String reason,
                                String regionalPatientId, long publishedRevision, String manifestUid,
                                String manifestEntryUuid, long publishedMillis, Manifest pending, int attempts,
                                long nextAttemptMillis) {

    /**
     * One manifest as sent.
     *
     * @param uid       SOP Instance UID = DocumentEntry.uniqueId.
     * @param entryUuid the DocumentEntry's entryUUID.
     * @param revision  the study's content revision it lists.
     */
    public record Manifest(String uid, String entryUuid, long revision) {
    }
}
