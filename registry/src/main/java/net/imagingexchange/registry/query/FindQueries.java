// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import static net.imagingexchange.registry.query.Criteria.ChildTable.CONFIDENTIALITY_CODES;
import static net.imagingexchange.registry.query.Criteria.ChildTable.DOCUMENT_AUTHORS;
import static net.imagingexchange.registry.query.Criteria.ChildTable.EVENT_CODES;
import static net.imagingexchange.registry.query.Criteria.ChildTable.FOLDER_CODES;
import static net.imagingexchange.registry.query.Criteria.ChildTable.REFERENCE_IDS;
import static net.imagingexchange.registry.query.Criteria.ChildTable.SUBMISSION_SET_AUTHORS;

import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.TimeRange;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;

import net.imagingexchange.registry.store.ObjectKind;

/** The Find stored queries: objects of one patient selected by their attributes (ITI TF-2 3.18.4.1.2.3.7.1-3). */
final class FindQueries {

    private final RegistryTables tables;

    FindQueries(RegistryTables tables) {
        this.tables = tables;
    }

    /** ITI TF-2 3.18.4.1.2.3.7.1 FindDocuments and 3.18.4.1.2.3.7.14 FindDocumentsByReferenceId. */
    QueryMatches findDocuments(FindDocumentsQuery query) {
        var criteria = RegistryTables.criteria()
                .equalTo("patient_id", QueryValues.patientId(query.getPatientId()))
                .in("status", QueryValues.statuses(query.getStatus()))
                .in("class_code", QueryValues.codes(query.getClassCodes()))
                .in("type_code", QueryValues.codes(query.getTypeCodes()))
                .in("practice_code", QueryValues.codes(query.getPracticeSettingCodes()))
                .in("facility_code", QueryValues.codes(query.getHealthcareFacilityTypeCodes()))
                .allOf(EVENT_CODES, codeLists(query.getEventCodes()))
                .anyLike(DOCUMENT_AUTHORS, query.getAuthorPersons());
        within(criteria, "creation_time", query.getCreationTime());
        within(criteria, "service_start", query.getServiceStartTime());
        within(criteria, "service_stop", query.getServiceStopTime());
        documentFilters(criteria, query.getConfidentialityCodes(), query.getFormatCodes(),
                query.getDocumentEntryTypes());
        if (query instanceof FindDocumentsByReferenceIdQuery byReference) {
            // ITI TF-2 3.18.4.1.2.3.7.14: the full CXi value is compared with every referenceIdList value
            criteria.allOf(REFERENCE_IDS, outerList(byReference.getReferenceIds()));
        }
        return QueryMatches.documentEntries(tables.entryUuids(ObjectKind.DOCUMENT_ENTRY, criteria));
    }

    /** ITI TF-2 3.18.4.1.2.3.7.2 FindSubmissionSets. */
    QueryMatches findSubmissionSets(FindSubmissionSetsQuery query) {
        var criteria = RegistryTables.criteria()
                .equalTo("patient_id", QueryValues.patientId(query.getPatientId()))
                .in("status", QueryValues.statuses(query.getStatus()))
                .in("source_id", query.getSourceIds())
                .in("content_type", QueryValues.codes(query.getContentTypeCodes()))
                .anyLike(SUBMISSION_SET_AUTHORS,
                        query.getAuthorPerson() == null ? null : List.of(query.getAuthorPerson()));
        within(criteria, "submission_time", query.getSubmissionTime());
        return QueryMatches.submissionSets(tables.entryUuids(ObjectKind.SUBMISSION_SET, criteria));
    }

    /** ITI TF-2 3.18.4.1.2.3.7.3 FindFolders. */
    QueryMatches findFolders(FindFoldersQuery query) {
        var criteria = RegistryTables.criteria()
                .equalTo("patient_id", QueryValues.patientId(query.getPatientId()))
                .in("status", QueryValues.statuses(query.getStatus()))
                .allOf(FOLDER_CODES, codeLists(query.getCodes()));
        within(criteria, "last_update_time", query.getLastUpdateTime());
        return QueryMatches.folders(tables.entryUuids(ObjectKind.FOLDER, criteria));
    }

    /**
     * The DocumentEntry filters that FindDocuments shares with GetAll, GetSubmissionSetAndContents and
     * GetFolderAndContents: confidentialityCode (AND of ORs), formatCode and the entry type.
     */
    static Criteria documentFilters(Criteria criteria, QueryList<Code> confidentialityCodes, List<Code> formatCodes,
                                    List<DocumentEntryType> types) {
        return criteria.allOf(CONFIDENTIALITY_CODES, codeLists(confidentialityCodes))
                .in("format_code", QueryValues.codes(formatCodes))
                .in("object_type", QueryValues.entryTypes(types));
    }

    private static void within(Criteria criteria, String column, TimeRange range) {
        if (range != null) {
            criteria.notBefore(column, QueryValues.dtm(range.getFrom()))
                    .before(column, QueryValues.dtm(range.getTo()));
        }
    }

    private static List<List<String>> codeLists(QueryList<Code> codes) {
        return codes == null ? null : codes.getOuterList().stream().map(QueryValues::codes).toList();
    }

    private static <T> List<List<T>> outerList(QueryList<T> values) {
        return values == null ? null : values.getOuterList();
    }
}
