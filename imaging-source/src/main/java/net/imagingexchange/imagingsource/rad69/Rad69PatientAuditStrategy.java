// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.util.LinkedHashSet;
import java.util.Set;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectIdTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCode;
import org.openehealth.ipf.commons.audit.codes.ParticipantObjectTypeCodeRole;
import org.openehealth.ipf.commons.audit.model.AuditMessage;
import org.openehealth.ipf.commons.audit.model.ParticipantObjectIdentificationType;
import org.openehealth.ipf.commons.ihe.xds.core.audit.XdsNonconstructiveDocumentSetRequestAuditDataset;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69ServerAuditStrategy;

import net.imagingexchange.imagingsource.index.StudyIndex;

/**
 * IPF's RAD-69 server audit record with the Patient participant DICOM PS3.15 A.5.3.10 requires, which IPF leaves
 * out because a RAD-69 request names no patient: it is looked up in the index from the requested instances. The
 * local Patient ID and its issuer are used, as in the ingest records. A request spanning several patients keeps
 * IPF's record as it is (a record names one patient).
 */
final class Rad69PatientAuditStrategy extends Rad69ServerAuditStrategy {

    private final StudyIndex index;

    Rad69PatientAuditStrategy(StudyIndex index) {
        this.index = index;
    }

    @Override
    public AuditMessage[] makeAuditMessage(AuditContext auditContext,
                                           XdsNonconstructiveDocumentSetRequestAuditDataset dataset) {
        AuditMessage[] messages = super.makeAuditMessage(auditContext, dataset);
        Set<String> patients = new LinkedHashSet<>();
        for (var document : dataset.getDocuments()) {
            index.instance(document.getDocumentUniqueId())
                    .flatMap(instance -> index.study(instance.studyInstanceUid()))
                    .ifPresent(study -> patients.add(study.patient().auditId()));
        }
        if (patients.size() == 1 && messages != null) {
            for (AuditMessage message : messages) {
                var patient = new ParticipantObjectIdentificationType(patients.iterator().next(),
                        ParticipantObjectIdTypeCode.PatientNumber);
                patient.setParticipantObjectTypeCode(ParticipantObjectTypeCode.Person);
                patient.setParticipantObjectTypeCodeRole(ParticipantObjectTypeCodeRole.Patient);
                message.getParticipantObjectIdentifications().add(0, patient);
            }
        }
        return messages;
    }
}
