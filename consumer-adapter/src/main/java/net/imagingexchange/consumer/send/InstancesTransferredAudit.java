// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.util.Map;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.utils.AuditUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.atna.TransferredStudy;

/**
 * ATNA "DICOM Instances Transferred" (DICOM PS3.15 A.5.3.10, action Read: the sender's record) for each attempt of a
 * send job that offered instances to the destination: this adapter as sending process, the destination as
 * receiving process, the study with the SOP classes delivered and the regional patient. An attempt that delivered
 * only some is a Minor Failure, none a Serious Failure.
 */
public final class InstancesTransferredAudit {

    private static final Logger LOG = LoggerFactory.getLogger(InstancesTransferredAudit.class);

    private final AuditContext audit;

    public InstancesTransferredAudit(AuditContext audit) {
        this.audit = audit;
    }

    /**
     * What one attempt transferred.
     *
     * @param accessionNumber the study's, from its manifest (empty when it has none).
     * @param sopClasses SOP Class UID to the number of its instances the destination took.
     * @param failed     instances offered and not taken.
     */
    public record Transfer(SendJob job, Destination destination, String patientCx, String accessionNumber,
                           Map<String, Integer> sopClasses, int failed) {
    }

    public void transferred(Transfer transfer) {
        if (!audit.isAuditEnabled()) {
            return;
        }
        try {
            audit.audit(record(transfer));
        } catch (RuntimeException e) {
            LOG.warn("instances transferred audit record not sent: {}", e.toString());
        }
    }

    AuditMessage record(Transfer transfer) {
        int delivered = transfer.sopClasses().values().stream().mapToInt(Integer::intValue).sum();
        EventOutcomeIndicator outcome = transfer.failed() == 0 ? EventOutcomeIndicator.Success
                : delivered > 0 ? EventOutcomeIndicator.MinorFailure : EventOutcomeIndicator.SeriousFailure;
        Destination destination = transfer.destination();
        boolean dicom = destination.type() == Destination.Type.DICOM;
        var builder = new DicomInstancesTransferredBuilder(outcome, transfer.failed() == 0 ? null
                : transfer.failed() + " instances not delivered to " + destination.describe(), EventActionCode.Read,
                null)
                .setAuditSource(audit)
                // PS3.15 A.5.3.10: the AE titles of a DICOM node go in the Alternative User ID
                .setSendingProcessParticipant(AuditUtils.getProcessId(), dicom ? "AETITLES=" + destination
                                .callingAeTitle() : null, null, AuditUtils.getLocalIPAddress(), true)
                .setReceivingProcessParticipant(dicom ? destination.calledAeTitle()
                                : destination.stowUrl().toString(), dicom ? "AETITLES=" + destination.calledAeTitle()
                                : null, null, dicom ? destination.host() : destination.stowUrl().getHost(), false);
        TransferredStudy.add(builder, transfer.job().studyInstanceUid(), transfer.accessionNumber(),
                transfer.patientCx(), transfer.sopClasses());
        return builder.getMessage();
    }
}
