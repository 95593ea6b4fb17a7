// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.EventActionCode;
import org.openehealth.ipf.commons.audit.codes.EventOutcomeIndicator;
import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.utils.AuditUtils;

import net.imagingexchange.imagingsource.audit.StudyParticipant;
import net.imagingexchange.imagingsource.index.StudyRecord;

/**
 * ATNA "DICOM Instances Transferred" (DICOM PS3.15 A.5.3.10, EventID 110104, action Create) for what a sender
 * stored, one record per study at the end of each association or STOW-RS request (spec/atna.md 3, "DICOM C-STORE
 * received"). What one transfer stored is collected on its thread: an association and a request each run on one.
 */
public final class TransferAudit {

    private final AuditContext audit;
    private final String aeTitle;
    private final ThreadLocal<Map<String, StudyTransfer>> current = ThreadLocal.withInitial(LinkedHashMap::new);

    /** What one transfer stored of one study. */
    private static final class StudyTransfer {
        final StudyRecord study;
        final Map<String, Integer> sopClasses = new LinkedHashMap<>();

        StudyTransfer(StudyRecord study) {
            this.study = study;
        }
    }

    /** @param aeTitle this imaging source's AE title, the receiving process. */
    public TransferAudit(AuditContext audit, String aeTitle) {
        this.audit = audit;
        this.aeTitle = aeTitle;
    }

    void stored(StudyRecord study, String sopClassUid) {
        if (audit.isAuditEnabled()) {
            current.get().computeIfAbsent(study.studyInstanceUid(), uid -> new StudyTransfer(study))
                    .sopClasses.merge(sopClassUid, 1, Integer::sum);
        }
    }

    /**
     * Sends the records of what this thread's transfer stored, and forgets it.
     *
     * @param source     the sender: its AE title, or the user or client of a STOW-RS request.
     * @param sourceHost its address.
     */
    void transferEnded(String source, String sourceHost) {
        Map<String, StudyTransfer> studies = current.get();
        try {
            for (StudyTransfer transfer : studies.values()) {
                audit.audit(record(transfer, source, sourceHost));
            }
        } finally {
            studies.clear();
        }
    }

    private AuditMessage record(StudyTransfer transfer, String source, String sourceHost) {
        var builder = new DicomInstancesTransferredBuilder(EventOutcomeIndicator.Success, null, EventActionCode.Create,
                null)
                .setAuditSource(audit)
                .setSendingProcessParticipant(source, null, "AETITLES=" + source, sourceHost, true)
                .setReceivingProcessParticipant(aeTitle, AuditUtils.getProcessId(), "AETITLES=" + aeTitle,
                        AuditUtils.getLocalIPAddress(), false);
        return StudyParticipant.add(builder, transfer.study.studyInstanceUid(), transfer.study, transfer.sopClasses)
                .getMessage();
    }
}
