// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

/**
 * An instance as indexed: what it is and where its Part 10 file is.
 *
 * @param sopInstanceUid    (0008,0018).
 * @param seriesInstanceUid its series.
 * @param studyInstanceUid  its study.
 * @param sopClassUid       (0008,0016).
 * @param transferSyntaxUid the transfer syntax it was received, and is stored, in.
 * @param instanceNumber    (0020,0013), IS as encoded.
 * @param numberOfFrames    (0028,0008), 1 when absent.
 * @param fileName          the Part 10 file, relative to the instances directory.
 * @param fileSize          its size in bytes, File Meta Information included.
 * @param sha1              SHA-1 of the data set as received (hex), to tell a resent instance from a changed one.
 * @param receivedMillis    when it was received, epoch milliseconds.
 */
public record InstanceRecord(String sopInstanceUid, String seriesInstanceUid, String studyInstanceUid,
                             String sopClassUid, String transferSyntaxUid, String instanceNumber, int numberOfFrames,
                             String fileName, long fileSize, String sha1, long receivedMillis) {
}
