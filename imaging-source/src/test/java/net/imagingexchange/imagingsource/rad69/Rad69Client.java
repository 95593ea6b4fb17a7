// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.util.List;

import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestClientFactory;
import org.openehealth.ipf.commons.ihe.xds.RAD;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType.DocumentRequest;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryError;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType.SeriesRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.xdsi.RetrieveImagingDocumentSetRequestType.StudyRequest;
import org.openehealth.ipf.commons.ihe.xds.rad69.Rad69PortType;

/**
 * RAD-69 through IPF's CXF client (SOAP 1.2, WS-Addressing, MTOM), as an Imaging Document Consumer built on IPF
 * would call the imaging source. MTOM parts of the answer are spooled to temporary files by CXF.
 */
final class Rad69Client {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private final JaxWsRequestClientFactory<?> factory;

    @SuppressWarnings({"rawtypes", "unchecked"})
    Rad69Client(String url) {
        var policy = new HTTPClientPolicy();
        policy.setReceiveTimeout(300_000);
        policy.setAllowChunking(true);
        this.factory = new JaxWsRequestClientFactory(RAD.Interactions.RAD_69.getWsTransactionConfiguration(), url,
                null, new DefaultAuditContext(), null, null, null, null, null, policy);
    }

    RetrieveDocumentSetResponseType retrieve(RetrieveImagingDocumentSetRequestType request) {
        var port = (Rad69PortType) factory.getClient();
        try {
            return port.documentRepositoryRetrieveImagingDocumentSet(request);
        } finally {
            factory.restoreClient(port);
        }
    }

    static List<RegistryError> errors(RetrieveDocumentSetResponseType answer) {
        var list = answer.getRegistryResponse().getRegistryErrorList();
        return list == null ? List.of() : list.getRegistryError();
    }

    /** Builds a request study by study and series by series, as a consumer reads them from a manifest. */
    static final class Request {
        private final RetrieveImagingDocumentSetRequestType request = new RetrieveImagingDocumentSetRequestType();

        /** A request that accepts these transfer syntaxes. */
        static Request accepting(String... transferSyntaxUids) {
            var built = new Request();
            built.request.getTransferSyntaxUIDList().getTransferSyntaxUID().addAll(List.of(transferSyntaxUids));
            return built;
        }

        /** Names an instance of our retrieve location under {@code study} and {@code series}. */
        Request instance(String study, String series, String sopInstanceUid) {
            return instance(study, series, Rad69TestServer.RETRIEVE_LOCATION_UID, sopInstanceUid, null);
        }

        Request instance(String study, String series, String repository, String sopInstanceUid,
                         String homeCommunityId) {
            var document = new DocumentRequest();
            document.setRepositoryUniqueId(repository);
            document.setDocumentUniqueId(sopInstanceUid);
            document.setHomeCommunityId(homeCommunityId);
            seriesRequest(studyRequest(study), series).getDocumentRequests().add(document);
            return this;
        }

        RetrieveImagingDocumentSetRequestType build() {
            return request;
        }

        private StudyRequest studyRequest(String study) {
            for (StudyRequest known : request.getStudyRequest()) {
                if (known.getStudyInstanceUID().equals(study)) {
                    return known;
                }
            }
            var created = new StudyRequest();
            created.setStudyInstanceUID(study);
            request.getStudyRequest().add(created);
            return created;
        }

        private static SeriesRequest seriesRequest(StudyRequest study, String series) {
            for (SeriesRequest known : study.getSeriesRequest()) {
                if (known.getSeriesInstanceUID().equals(series)) {
                    return known;
                }
            }
            var created = new SeriesRequest();
            created.setSeriesInstanceUID(series);
            study.getSeriesRequest().add(created);
            return created;
        }
    }
}
