// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import java.util.List;
import java.util.Map;

import org.openehealth.ipf.commons.audit.codes.ParticipantObjectIdTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCodeRole;
import org.openehealth.ipf.commons.audit.event.DicomInstancesTransferredBuilder;
import org.openehealth.ipf.commons.audit.model.DicomObjectDescriptionType;

/**
 * The study and patient participants of a DICOM Instances Transferred record (DICOM PS3.15 A.5.3.10): the study with
 * the SOP classes sent and how many of each, its accession number, and its patient. Every actor that sends
 * instances writes them so.
 */
public final class TransferredStudy {

    private TransferredStudy() {
    }

    /**
     * @param accessionNumber the study's, empty or null when unknown.
     * @param patientId       the patient as the record names it (a CX); null when unknown (then none is named).
     * @param sopClasses      SOP Class UID to the number of instances of it.
     */
    public static DicomInstancesTransferredBuilder add(DicomInstancesTransferredBuilder builder, String studyUid,
                                                       String accessionNumber, String patientId,
                                                       Map<String, Integer> sopClasses) {
        var description = new DicomObjectDescriptionType();
        sopClasses.forEach((uid, count) -> {
            var sopClass = new DicomObjectDescriptionType.SOPClass(count);
            sopClass.setUid(uid);
            description.getSOPClasses().add(sopClass);
        });
        if (accessionNumber != null && !accessionNumber.isEmpty()) {
            description.getAccession().add(accessionNumber);
        }
        builder.addParticipantObjectIdentification(ParticipantObjectIdTypeCode.StudyInstanceUID, studyUid, null,
                List.of(), studyUid, ParticipantObjectTypeCode.System, ParticipantObjectTypeCodeRole.Report, null,
                null, List.of(description));
        if (patientId != null) {
            builder.setPatientParticipantObject(patientId, null);
        }
        return builder;
    }
}
