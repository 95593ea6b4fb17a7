// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.util.ArrayList;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType.DocumentRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType.DocumentResponse;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType.SeriesRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType.StudyRequest;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.xds.soap.StoredDocumentHandler;
import net.imagingexchange.xds.soap.XdsResponses;

/**
 * RAD-69 Retrieve Imaging Document Set (RAD TF-2 4.69), served at {@code /imaging-source/rad69}. Each requested
 * instance this source returns is a DocumentResponse whose Document is an MTOM part streamed from its Part 10 file
 * ({@code application/dicom}); each other one gets a RegistryError located at its DocumentUniqueId
 * ({@link RetrieveFailure}). Status: Success when all are returned, PartialSuccess when some, Failure when none
 * (RAD TF-2 4.69.4.2.3, as ITI-43). A request that names no instance or no transfer syntax fails as a whole.
 */
public class Rad69Endpoint implements Rad69PortType {

    /** RAD TF-2 4.69.4.2.2: every document returned is a DICOM Part 10 file. */
    public static final String MIME_TYPE = "application/dicom";

    private static final Logger LOG = LoggerFactory.getLogger(Rad69Endpoint.class);

    private final InstanceRetrieval retrieval;

    public Rad69Endpoint(InstanceRetrieval retrieval) {
        this.retrieval = retrieval;
    }

    @Override
    public RetrieveDocumentSetResponseType documentRepositoryRetrieveImagingDocumentSet(
            RetrieveImagingDocumentSetRequestType body) {
        long start = System.nanoTime();
        var response = new RetrieveDocumentSetResponseType();
        int requested = 0;
        try {
            List<RequestedInstance> instances = requestedInstances(body);
            requested = instances.size();
            var errors = new ArrayList<ErrorInfo>();
            for (InstanceRetrieval.Outcome outcome : retrieval.retrieve(instances, transferSyntaxes(body))) {
                if (outcome instanceof InstanceRetrieval.Retrieved retrieved) {
                    response.getDocumentResponse().add(documentResponse(retrieved));
                } else if (outcome instanceof InstanceRetrieval.Refused refused) {
                    LOG.debug("RAD-69 refused {}: {}", refused.request().documentUniqueId(), refused.reason());
                    errors.add(refused.failure().error(refused.reason(), refused.request().documentUniqueId()));
                }
            }
            Status status = errors.isEmpty() ? Status.SUCCESS
                    : response.getDocumentResponse().isEmpty() ? Status.FAILURE : Status.PARTIAL_SUCCESS;
            response.setRegistryResponse(XdsResponses.of(status, errors));
        } catch (Exception e) {
            response.getDocumentResponse().clear();
            response.setRegistryResponse(XdsResponses.failure(e, ErrorCode.REPOSITORY_ERROR,
                    ErrorCode.REPOSITORY_ERROR));
        }
        LOG.info("RAD-69 RetrieveImagingDocumentSet status={} requested={} returned={} ms={}",
                statusName(response), requested, response.getDocumentResponse().size(),
                (System.nanoTime() - start) / 1_000_000);
        return response;
    }

    // RAD TF-2 4.69.4.1.2: one or more StudyRequest, each with one or more SeriesRequest, each with one or more
    // DocumentRequest; an empty level leaves no DocumentUniqueId to locate an error at, so the request fails
    private static List<RequestedInstance> requestedInstances(RetrieveImagingDocumentSetRequestType body) {
        if (body == null || body.getStudyRequest().isEmpty()) {
            throw invalid("the request names no StudyRequest");
        }
        var instances = new ArrayList<RequestedInstance>();
        for (StudyRequest study : body.getStudyRequest()) {
            if (study.getSeriesRequest().isEmpty()) {
                throw invalid("StudyRequest '" + study.getStudyInstanceUID() + "' names no SeriesRequest");
            }
            for (SeriesRequest series : study.getSeriesRequest()) {
                if (series.getDocumentRequests().isEmpty()) {
                    throw invalid("SeriesRequest '" + series.getSeriesInstanceUID() + "' names no DocumentRequest");
                }
                for (DocumentRequest document : series.getDocumentRequests()) {
                    instances.add(new RequestedInstance(study.getStudyInstanceUID(), series.getSeriesInstanceUID(),
                            document.getRepositoryUniqueId(), document.getDocumentUniqueId(),
                            document.getHomeCommunityId()));
                }
            }
        }
        return instances;
    }

    private static List<String> transferSyntaxes(RetrieveImagingDocumentSetRequestType body) {
        List<String> uids = body.getTransferSyntaxUIDList().getTransferSyntaxUID().stream()
                .filter(uid -> uid != null && !uid.isBlank()).map(String::strip).toList();
        if (uids.isEmpty()) { // RAD TF-2 4.69.4.1.2: one or more TransferSyntaxUID (NIST ids_4812 cases 8, 9)
            throw invalid("the TransferSyntaxUIDList names no transfer syntax");
        }
        return uids;
    }

    private static DocumentResponse documentResponse(InstanceRetrieval.Retrieved retrieved) {
        RequestedInstance request = retrieved.request();
        var answer = new DocumentResponse();
        if (!request.homeCommunityId().isEmpty()) {
            answer.setHomeCommunityId(request.homeCommunityId());
        }
        answer.setRepositoryUniqueId(request.repositoryUniqueId());
        answer.setDocumentUniqueId(retrieved.instance().sopInstanceUid());
        answer.setMimeType(MIME_TYPE);
        String name = retrieved.instance().sopInstanceUid();
        answer.setDocument(retrieved.madeExplicit()
                ? new StoredDocumentHandler(name, MIME_TYPE, () -> ExplicitStream.of(retrieved.file()))
                : StoredDocumentHandler.of(retrieved.file(), name, MIME_TYPE));
        return answer;
    }

    private static XdsRuntimeException invalid(String reason) {
        return new XdsRuntimeException(ErrorCode.REPOSITORY_ERROR, reason + " (RAD TF-2 4.69.4.1.2)",
                Severity.ERROR, null);
    }

    private static String statusName(RetrieveDocumentSetResponseType response) {
        String status = response.getRegistryResponse().getStatus();
        return status.substring(status.lastIndexOf(':') + 1);
    }
}
