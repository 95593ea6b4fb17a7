// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import javax.sql.DataSource;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAllQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetByIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetByUuidQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsAndAssociationsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFolderAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersForDocumentQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetFoldersQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetRelatedDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetAndContentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetSubmissionSetsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.Query;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;

import net.imagingexchange.registry.store.RegistryStore;

/** Executes the stored queries of ITI TF-2 3.18.4.1.2.3.7 against the registry's database. */
public class StoredQueryService {

    private final int maxResults;
    private final FindQueries find;
    private final GetQueries get;
    private final ContentQueries contents;
    private final QueryAnswer answer;

    public StoredQueryService(DataSource dataSource, RegistryStore store, int maxResults) {
        var tables = new RegistryTables(dataSource, maxResults);
        this.maxResults = maxResults;
        this.find = new FindQueries(tables);
        this.get = new GetQueries(tables);
        this.contents = new ContentQueries(tables);
        this.answer = new QueryAnswer(store);
    }

    /** Runs the query; failures are thrown as IPF exceptions carrying their XDS error code. */
    public AdhocQueryResponse query(QueryRegistry request) {
        QueryMatches matches = matches(request.getQuery());
        if (matches.size() > maxResults) {
            // ITI TF-3 Table 4.2.4.1-2 XDSTooManyResults: the whole query fails, no partial list is returned
            throw new XdsRuntimeException(ErrorCode.TOO_MANY_RESULTS, "the query matches more than " + maxResults
                    + " objects; narrow it", Severity.ERROR, null);
        }
        return request.getReturnType() == QueryReturnType.LEAF_CLASS
                ? answer.leafClass(matches) : answer.objectRefs(matches);
    }

    private QueryMatches matches(Query query) {
        // ITI TF-2 3.8.4.2: a subsumed patient ID answers nothing. No extra lookup is needed: the merge moved its
        // entries to the surviving ID (PatientRegistry.merge) and registrations under it are refused since.
        requireParameters(query);
        return switch (query.getType()) {
            case FIND_DOCUMENTS, FIND_DOCUMENTS_BY_REFERENCE_ID -> find.findDocuments((FindDocumentsQuery) query);
            case FIND_SUBMISSION_SETS -> find.findSubmissionSets((FindSubmissionSetsQuery) query);
            case FIND_FOLDERS -> find.findFolders((FindFoldersQuery) query);
            case GET_ALL -> contents.getAll((GetAllQuery) query);
            case GET_DOCUMENTS -> get.getDocuments((GetDocumentsQuery) query);
            case GET_FOLDERS -> get.getFolders((GetFoldersQuery) query);
            case GET_ASSOCIATIONS -> get.getAssociations((GetAssociationsQuery) query);
            case GET_DOCUMENTS_AND_ASSOCIATIONS ->
                    get.getDocumentsAndAssociations((GetDocumentsAndAssociationsQuery) query);
            case GET_SUBMISSION_SETS -> get.getSubmissionSets((GetSubmissionSetsQuery) query);
            case GET_SUBMISSION_SET_AND_CONTENTS ->
                    contents.getSubmissionSetAndContents((GetSubmissionSetAndContentsQuery) query);
            case GET_FOLDER_AND_CONTENTS -> contents.getFolderAndContents((GetFolderAndContentsQuery) query);
            case GET_FOLDERS_FOR_DOCUMENT -> get.getFoldersForDocument((GetFoldersForDocumentQuery) query);
            case GET_RELATED_DOCUMENTS -> get.getRelatedDocuments((GetRelatedDocumentsQuery) query);
            default -> throw new XdsRuntimeException(ErrorCode.UNKNOWN_STORED_QUERY, "stored query "
                    + query.getType().getId() + " is not offered by this registry", Severity.ERROR, null);
        };
    }

    /**
     * ITI TF-2 3.18.4.1.2.3.7.7, .9 and .14: {@code $uuid} and {@code $XDSDocumentEntryReferenceIdList} are
     * required; IPF 5.1 validates their form but not their presence.
     */
    private static void requireParameters(Query query) {
        if (query instanceof GetByUuidQuery byUuid && !(query instanceof GetByIdQuery)
                && (byUuid.getUuids() == null || byUuid.getUuids().isEmpty())) {
            throw missing("$uuid");
        }
        if (query instanceof FindDocumentsByReferenceIdQuery byReference && (byReference.getReferenceIds() == null
                || byReference.getReferenceIds().getOuterList().isEmpty())) {
            throw missing("$XDSDocumentEntryReferenceIdList");
        }
    }

    private static XdsRuntimeException missing(String parameter) {
        return new XdsRuntimeException(ErrorCode.STORED_QUERY_MISSING_PARAM, "missing required query parameter "
                + parameter, Severity.ERROR, null);
    }
}
