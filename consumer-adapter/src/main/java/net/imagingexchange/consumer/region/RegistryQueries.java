// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.region;

import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * ITI-18 Registry Stored Query as a Document Consumer asks it (ITI TF-2 3.18), LeafClass, Approved entries only
 * (spec/xdsi.md 7.2 IDC-08: a replaced manifest or report is Deprecated and not followed).
 */
public final class RegistryQueries {

    /** The KOS manifest formatCode (RAD TF-3 4.68.4.1.2.3.2, spec/xdsi.md 1.3). */
    public static final Code KOS_FORMAT = new Code(Uids.KEY_OBJECT_SELECTION_DOCUMENT_STORAGE, null,
            Uids.DICOM_UID_REGISTRY_SCHEME);

    private final StoredQueryClient client;

    public RegistryQueries(StoredQueryClient client) {
        this.client = client;
    }

    /** FindDocuments (3.18.4.1.2.3.7.1) for a patient, restricted to {@code formatCodes}. */
    public List<DocumentEntry> findDocuments(String patientCx, List<Code> formatCodes)
            throws PeerUnavailableException, StoredQueryClient.StoredQueryException {
        var query = new FindDocumentsQuery();
        prepare(query, patientCx, formatCodes);
        return client.documentEntries(query);
    }

    /**
     * FindDocumentsByReferenceId (3.18.4.1.2.3.7.14): entries of the patient whose referenceIdList holds any of
     * {@code referenceIds} (whole CXi values, e.g. {@code 1.2.3^^^^urn:ihe:iti:xds:2016:studyInstanceUID}).
     */
    public List<DocumentEntry> findByReferenceIds(String patientCx, List<Code> formatCodes, List<String> referenceIds)
            throws PeerUnavailableException, StoredQueryClient.StoredQueryException {
        var query = new FindDocumentsByReferenceIdQuery();
        prepare(query, patientCx, formatCodes);
        var anyOf = new QueryList<String>();
        anyOf.getOuterList().add(List.copyOf(referenceIds));
        query.setReferenceIds(anyOf);
        return client.documentEntries(query);
    }

    /** The CXi value of a Study Instance UID in referenceIdList. */
    public static String studyReference(String studyInstanceUid) {
        return studyInstanceUid + "^^^^" + ReferenceId.ID_TYPE_STUDY_INSTANCE_ID;
    }

    private static void prepare(FindDocumentsQuery query, String patientCx, List<Code> formatCodes) {
        query.setPatientId(Hl7v2Based.parse(patientCx, Identifiable.class));
        query.setStatus(List.of(AvailabilityStatus.APPROVED));
        query.setFormatCodes(List.copyOf(formatCodes));
    }
}
