// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.audit;

import java.util.Map;

import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;

import net.imagingexchange.atna.TransferredStudy;
import net.imagingexchange.imagingsource.index.StudyRecord;

/**
 * The study and patient participants of a DICOM Instances Transferred record ({@link TransferredStudy}) of a study
 * as the imaging source indexed it. Shared by the ingest's and the retrieves' records.
 */
public final class StudyParticipant {

    private StudyParticipant() {
    }

    /**
     * @param study      the study as indexed; null when the index no longer holds it (then no patient is named).
     * @param sopClasses SOP Class UID to the number of instances of it.
     */
    public static DicomInstancesTransferredBuilder add(DicomInstancesTransferredBuilder builder, String studyUid,
                                                       StudyRecord study, Map<String, Integer> sopClasses) {
        return TransferredStudy.add(builder, studyUid, study == null ? "" : study.accessionNumber(),
                study == null ? null : study.patient().auditId(), sopClasses);
    }
}
