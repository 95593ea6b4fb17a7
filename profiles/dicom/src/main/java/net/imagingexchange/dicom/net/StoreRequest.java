// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

/**
 * A C-STORE request as the SCP sees it (PS3.7 9.1.1, 9.3.1).
 *
 * @param callingAeTitle    who sends.
 * @param sopClassUid       Affected SOP Class UID.
 * @param sopInstanceUid    Affected SOP Instance UID.
 * @param transferSyntaxUid the presentation context's transfer syntax: the data set's encoding.
 */
public record StoreRequest(String callingAeTitle, String sopClassUid, String sopInstanceUid,
                           String transferSyntaxUid) {
}
