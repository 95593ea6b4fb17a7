// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.audit;

import java.util.List;
import java.util.Map;

import org.openehealth.ipf.commons.audit.codes.ParticipantObjectIdTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCodeRole;
import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;
import org.openehealth.ipf.commons.audit.model.DicomObjectDescriptionType;

import net.imagingexchange.imagingsource.index.StudyRecord;

/**
 * The study and patient participants of a DICOM Instances Transferred record (DICOM PS3.15 A.5.3.10): the study with
 * the SOP classes sent and how many of each, its accession number, and its patient. Shared by the ingest's and the
 * retrieves' records.
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
        var description = new DicomObjectDescriptionType();
        sopClasses.forEach((uid, count) -> {
            var sopClass = new DicomObjectDescriptionType.SOPClass(count);
            sopClass.setUid(uid);
            description.getSOPClasses().add(sopClass);
        });
        if (study != null && !study.accessionNumber().isEmpty()) {
            description.getAccession().add(study.accessionNumber());
        }
        builder.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.StudyInstanceUID, studyUid, null,
                List.of(), studyUid, ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.Report, null,
                null, List.of(description));
        if (study != null) {
            builder.setPatientParticipantObject(study.patient().auditId(), null);
        }
        return builder;
    }
}
