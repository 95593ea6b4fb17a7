// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.testing;

import java.io.StringReader;
import java.util.List;

import jakarta.activation.DataHandler;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;

import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestClientFactory;
import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41PortType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;

/**
 * ITI-41 and ITI-43 through IPF's CXF clients (SOAP 1.2, WS-Addressing, MTOM), as an XDS Document Source or
 * Consumer built on IPF would call the repository.
 */
public final class XdsClients {

    private static final JAXBContext EBXML = jaxb();

    private final JaxWsRequestClientFactory<?> iti41;
    private final JaxWsRequestClientFactory<?> iti43;
    private final JaxWsRequestClientFactory<?> iti18;

    public XdsClients(String baseUrl) {
        this.iti41 = factory(XDS.Interactions.ITI_41.getWsTransactionConfiguration(), baseUrl + "/repository/iti41");
        this.iti43 = factory(XDS.Interactions.ITI_43.getWsTransactionConfiguration(), baseUrl + "/repository/iti43");
        this.iti18 = factory(XDS.Interactions.ITI_18.getWsTransactionConfiguration(), baseUrl + "/registry/iti18");
    }

    public RegistryResponseType provide(Submission submission) {
        var request = new ProvideAndRegisterDocumentSetRequestType();
        request.setSubmitObjectsRequest(submitObjectsRequest(submission.submitObjectsRequest()));
        for (Submission.Document document : submission.documents()) {
            var part = new ProvideAndRegisterDocumentSetRequestType.Document();
            part.setId(document.id());
            part.setValue(new DataHandler(document.content()));
            request.getDocument().add(part);
        }
        var port = (Iti41PortType) iti41.getClient();
        try {
            return port.documentRepositoryProvideAndRegisterDocumentSetB(request);
        } finally {
            iti41.restoreClient(port);
        }
    }

    /** Retrieves documents by (repositoryUniqueId, documentUniqueId) pairs. */
    public RetrieveDocumentSetResponseType retrieve(String repositoryUniqueId, List<String> documentUniqueIds) {
        var request = new RetrieveDocumentSetRequestType();
        for (String uniqueId : documentUniqueIds) {
            var document = new RetrieveDocumentSetRequestType.DocumentRequest();
            document.setRepositoryUniqueId(repositoryUniqueId);
            document.setDocumentUniqueId(uniqueId);
            request.getDocumentRequest().add(document);
        }
        return retrieve(request);
    }

    public RetrieveDocumentSetResponseType retrieve(RetrieveDocumentSetRequestType request) {
        var port = (Iti43PortType) iti43.getClient();
        try {
            return port.documentRepositoryRetrieveDocumentSet(request);
        } finally {
            iti43.restoreClient(port);
        }
    }

    /** ITI-18 FindDocuments (LeafClass, Approved) for a patient: the DocumentEntries as the registry holds them. */
    public List<DocumentEntry> findDocuments(String patientId) {
        var query = new FindDocumentsQuery();
        query.setPatientId(Hl7v2Based.parse(patientId, Identifiable.class));
        query.setStatus(List.of(AvailabilityStatus.APPROVED));
        var registry = new QueryRegistry(query);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        var port = (Iti18PortType) iti18.getClient();
        try {
            var answer = port.documentRegistryRegistryStoredQuery(
                    new QueryRegistryTransformer().toEbXML(registry).getInternal());
            var response = new QueryResponseTransformer(new EbXMLFactory30())
                    .fromEbXML(new EbXMLQueryResponse30(answer));
            if (response.getStatus() != Status.SUCCESS) {
                throw new IllegalStateException("ITI-18 failed: " + response.getErrors());
            }
            return response.getDocumentEntries();
        } finally {
            iti18.restoreClient(port);
        }
    }

    private static SubmitObjectsRequest submitObjectsRequest(String xml) {
        try {
            return (SubmitObjectsRequest) EBXML.createUnmarshaller().unmarshal(new StringReader(xml));
        } catch (JAXBException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static JaxWsRequestClientFactory<?> factory(WsTransactionConfiguration transaction, String url) {
        var policy = new HTTPClientPolicy();
        policy.setReceiveTimeout(300_000);
        policy.setAllowChunking(true);
        return new JaxWsRequestClientFactory(transaction, url, null, new DefaultAuditContext(), null, null, null,
                null, null, policy);
    }

    private static JAXBContext jaxb() {
        try {
            return JAXBContext.newInstance(SubmitObjectsRequest.class);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
    }
}
