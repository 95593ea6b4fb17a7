// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.retrieve;

import java.util.ArrayList;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLNonconstructiveDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType.DocumentRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType.DocumentResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.NonconstructiveDocumentSetRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.repository.index.DocumentIndex;
import net.imagingexchange.repository.index.IndexedDocument;
import net.imagingexchange.repository.storage.DocumentStore;
import net.imagingexchange.xds.soap.StoredDocumentHandler;
import net.imagingexchange.xds.soap.XdsResponses;

/**
 * ITI-43 Retrieve Document Set (ITI TF-2 3.43), served at {@code /repository/iti43}. Every requested document that
 * this repository holds comes back as an MTOM part streamed from storage, with the mimeType it was registered
 * with; each other one gets an error: XDSUnknownRepositoryId when addressed to another repository,
 * XDSDocumentUniqueIdError when unknown here. Status: Success when all were found, PartialSuccess when some,
 * Failure when none (ITI TF-2 3.43.4.2.3).
 */
public class Iti43Endpoint implements Iti43PortType {

    private static final Logger LOG = LoggerFactory.getLogger(Iti43Endpoint.class);

    private final DocumentIndex index;
    private final DocumentStore store;
    private final String repositoryUniqueId;

    public Iti43Endpoint(DocumentIndex index, DocumentStore store, String repositoryUniqueId) {
        this.index = index;
        this.store = store;
        this.repositoryUniqueId = repositoryUniqueId;
    }

    @Override
    public RetrieveDocumentSetResponseType documentRepositoryRetrieveDocumentSet(RetrieveDocumentSetRequestType body) {
        long start = System.nanoTime();
        var response = new RetrieveDocumentSetResponseType();
        try {
            if (body.getDocumentRequest().isEmpty()) { // 1..n DocumentRequest (ITI TF-2 3.43.4.1.2)
                throw new XdsRuntimeException(ErrorCode.REPOSITORY_METADATA_ERROR,
                        "a RetrieveDocumentSetRequest needs at least one DocumentRequest", Severity.ERROR, null);
            }
            NonconstructiveDocumentSetRequestValidator.getInstance()
                    .validate(new EbXMLNonconstructiveDocumentSetRequest30<>(body), XDS.Interactions.ITI_43);
            var errors = new ArrayList<ErrorInfo>();
            response.getDocumentResponse().addAll(retrieve(body.getDocumentRequest(), errors));
            Status status = errors.isEmpty() ? Status.SUCCESS
                    : response.getDocumentResponse().isEmpty() ? Status.FAILURE : Status.PARTIAL_SUCCESS;
            response.setRegistryResponse(XdsResponses.of(status, errors));
        } catch (Exception e) {
            response.getDocumentResponse().clear();
            response.setRegistryResponse(XdsResponses.failure(e, ErrorCode.REPOSITORY_METADATA_ERROR,
                    ErrorCode.REPOSITORY_ERROR));
        }
        LOG.info("ITI-43 RetrieveDocumentSet requested={} returned={} ms={}", body.getDocumentRequest().size(),
                response.getDocumentResponse().size(), (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    private List<DocumentResponse> retrieve(List<DocumentRequest> requests, List<ErrorInfo> errors)
            throws Exception {
        var ours = requests.stream().filter(r -> repositoryUniqueId.equals(r.getRepositoryUniqueId()))
                .map(DocumentRequest::getDocumentUniqueId).toList();
        var found = index.available(ours);
        var documents = new ArrayList<DocumentResponse>();
        for (DocumentRequest request : requests) {
            if (!repositoryUniqueId.equals(request.getRepositoryUniqueId())) {
                errors.add(new ErrorInfo(ErrorCode.UNKNOWN_REPOSITORY_ID, request.getRepositoryUniqueId(),
                        Severity.ERROR, request.getDocumentUniqueId(), null));
                continue;
            }
            IndexedDocument document = found.get(request.getDocumentUniqueId());
            if (document == null) {
                errors.add(new ErrorInfo(ErrorCode.DOCUMENT_UNIQUE_ID_ERROR, request.getDocumentUniqueId(),
                        Severity.ERROR, repositoryUniqueId, null));
                continue;
            }
            var answer = new DocumentResponse();
            answer.setHomeCommunityId(request.getHomeCommunityId());
            answer.setRepositoryUniqueId(repositoryUniqueId);
            answer.setDocumentUniqueId(document.documentUniqueId());
            answer.setMimeType(document.mimeType());
            answer.setDocument(new StoredDocumentHandler(document.documentUniqueId(), document.mimeType(),
                    () -> store.open(document.content())));
            documents.add(answer);
        }
        return documents;
    }
}
