// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.util.List;

/**
 * An A-ASSOCIATE-RQ (PS3.8 9.3.2).
 *
 * @param protocolVersion      bit 0 set for version 1.
 * @param calledAeTitle        the AE the requestor wants, trimmed.
 * @param callingAeTitle       the requestor's AE, trimmed.
 * @param applicationContext   must be the DICOM application context {@code 1.2.840.10008.3.1.1.1}.
 * @param presentationContexts as proposed.
 * @param maxPduLength         the largest P-DATA-TF variable field the requestor receives; 0 means unlimited.
 * @param implementationClassUid the requestor's implementation.
 * @param implementationVersionName may be empty.
 * @param roleSelections       SCP/SCU role selection sub-items, one per SOP class; empty for the default roles.
 */
public record AssociateRequest(int protocolVersion, String calledAeTitle, String callingAeTitle,
                               String applicationContext, List<PresentationContext> presentationContexts,
                               long maxPduLength, String implementationClassUid, String implementationVersionName,
                               List<RoleSelection> roleSelections) {

    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
}
