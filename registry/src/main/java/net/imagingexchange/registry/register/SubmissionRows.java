// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Association;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Folder;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.RegistryObjectType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;

import net.imagingexchange.registry.store.Rows.AssociationRow;
import net.imagingexchange.registry.store.Rows.DocumentEntryRow;
import net.imagingexchange.registry.store.Rows.FolderRow;
import net.imagingexchange.registry.store.Rows.SubmissionSetRow;
import net.imagingexchange.xds.ebrim.EbrimXml;

/**
 * Turns the objects of a submission into rows: indexed columns from IPF's model, multi-valued text parameters
 * (authorPerson, referenceIdList) as the source sent them, since stored queries match them as sent, and the ebRIM
 * XML with its availabilityStatus set (ITI TF-3 4.2.3.2.2: the registry sets it to Approved).
 */
final class SubmissionRows {

    static final String APPROVED = AvailabilityStatus.toQueryOpcode(AvailabilityStatus.APPROVED);
    static final String REFERENCE_ID_LIST = Vocabulary.SLOT_NAME_REFERENCE_ID_LIST;

    private SubmissionRows() {
    }

    static DocumentEntryRow documentEntry(Submission submission, DocumentEntry entry) {
        RegistryObjectType ebrim = approved(submission.ebrim(entry.getEntryUuid()));
        return new DocumentEntryRow(entry.getEntryUuid(), entry.getUniqueId(),
                Hl7v2Based.render(entry.getPatientId()), DocumentEntryType.toUuid(entry.getType()),
                code(entry.getClassCode()), code(entry.getTypeCode()), code(entry.getFormatCode()),
                code(entry.getPracticeSettingCode()), code(entry.getHealthcareFacilityTypeCode()),
                dtm(entry.getCreationTime()), dtm(entry.getServiceStartTime()), dtm(entry.getServiceStopTime()),
                entry.getHash() == null ? null : entry.getHash().toLowerCase(Locale.ROOT), entry.getSize(),
                entry.getRepositoryUniqueId(), codes(entry.getEventCodeList()),
                codes(entry.getConfidentialityCodes()),
                authorPersons(ebrim, Vocabulary.DOC_ENTRY_AUTHOR_CLASS_SCHEME),
                slotValues(ebrim, REFERENCE_ID_LIST), EbrimXml.write(ebrim));
    }

    static SubmissionSetRow submissionSet(Submission submission) {
        var set = submission.submissionSet();
        RegistryObjectType ebrim = approved(submission.ebrim(set.getEntryUuid()));
        return new SubmissionSetRow(set.getEntryUuid(), set.getUniqueId(), submission.patientId(), set.getSourceId(),
                dtm(set.getSubmissionTime()), code(set.getContentTypeCode()),
                authorPersons(ebrim, Vocabulary.SUBMISSION_SET_AUTHOR_CLASS_SCHEME), EbrimXml.write(ebrim));
    }

    static FolderRow folder(Submission submission, Folder folder, String now) {
        RegistryObjectType ebrim = approved(submission.ebrim(folder.getEntryUuid()));
        return new FolderRow(folder.getEntryUuid(), folder.getUniqueId(), Hl7v2Based.render(folder.getPatientId()),
                now, codes(folder.getCodeList()), EbrimXml.write(ebrim));
    }

    static AssociationRow association(Submission submission, Association association) {
        RegistryObjectType ebrim = approved(submission.ebrim(association.getEntryUuid()));
        return new AssociationRow(association.getEntryUuid(), shortType(association), association.getSourceUuid(), association.getTargetUuid(),
                EbrimXml.write(ebrim));
    }

    /** The short name of an association type, as stored: the last segment of its URN. */
    static String shortType(Association association) {
        String urn = AssociationType.getOpcode30(association.getAssociationType());
        return urn.substring(urn.lastIndexOf(':') + 1);
    }

    static String code(Code code) {
        return code == null ? null : code.getCode() + "^^" + code.getSchemeName();
    }

    private static List<String> codes(List<Code> codes) {
        return codes.stream().filter(Objects::nonNull).map(SubmissionRows::code).toList();
    }

    private static String dtm(Timestamp timestamp) {
        return timestamp == null ? null : Timestamp.toHL7(timestamp);
    }

    private static RegistryObjectType approved(RegistryObjectType ebrim) {
        ebrim.setStatus(APPROVED);
        return ebrim;
    }

    private static List<String> authorPersons(RegistryObjectType ebrim, String authorScheme) {
        return ebrim.getClassification().stream()
                .filter(c -> authorScheme.equals(c.getClassificationScheme()))
                .flatMap(c -> c.getSlot().stream())
                .filter(s -> Vocabulary.SLOT_NAME_AUTHOR_PERSON.equals(s.getName()))
                .flatMap(s -> values(s).stream())
                .toList();
    }

    private static List<String> slotValues(RegistryObjectType ebrim, String name) {
        return ebrim.getSlot().stream().filter(s -> name.equals(s.getName()))
                .flatMap(s -> values(s).stream()).toList();
    }

    private static List<String> values(SlotType1 slot) {
        return slot.getValueList() == null ? List.of() : slot.getValueList().getValue();
    }
}
