// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import java.util.List;
import java.util.Objects;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssociationType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Timestamp;

/**
 * Turns the parameter values of IPF's query model into the forms the registry's columns hold: codes as
 * {@code code^^codingScheme}, times as DTM digit strings, statuses and association types by their short names.
 * A {@code null} list means the parameter was absent.
 */
final class QueryValues {

    private QueryValues() {
    }

    /** ITI TF-2 3.18.4.1.2.3.4: a coded value is matched on code and coding scheme, the display name is ignored. */
    static List<String> codes(List<Code> codes) {
        return codes == null ? null : codes.stream().filter(Objects::nonNull)
                .map(c -> c.getCode() + "^^" + c.getSchemeName()).toList();
    }

    /** ITI TF-2 3.18.4.1.2.3.6: unrecognised status values are ignored; IPF already drops them. */
    static List<String> statuses(List<AvailabilityStatus> statuses) {
        return statuses == null ? List.of() : statuses.stream().filter(Objects::nonNull)
                .map(s -> lastSegment(AvailabilityStatus.toQueryOpcode(s))).toList();
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.1: {@code $XDSDocumentEntryType} selects stable and/or on-demand entries; when it is
     * absent (or names no type IPF knows, ITI TF-2 3.18.4.1.2.5) only stable entries are returned.
     */
    static List<String> entryTypes(List<DocumentEntryType> types) {
        List<String> uuids = types == null ? List.of()
                : types.stream().filter(Objects::nonNull).map(DocumentEntryType::toUuid).toList();
        return uuids.isEmpty() ? List.of(DocumentEntryType.toUuid(DocumentEntryType.STABLE)) : uuids;
    }

    /** Association types as the registry stores them: HasMember, RPLC, XFRM, APND, XFRM_RPLC, signs, ... */
    static List<String> associationTypes(List<AssociationType> types) {
        return types == null ? List.of() : types.stream().filter(Objects::nonNull)
                .map(t -> lastSegment(AssociationType.getOpcode30(t))).toList();
    }

    static String dtm(Timestamp timestamp) {
        return Timestamp.toHL7(timestamp);
    }

    /** The patient ID as a CX string, the form the patient_id columns hold. */
    static String patientId(Identifiable patientId) {
        return Hl7v2Based.render(patientId);
    }

    private static String lastSegment(String urn) {
        return urn.substring(urn.lastIndexOf(':') + 1);
    }
}
