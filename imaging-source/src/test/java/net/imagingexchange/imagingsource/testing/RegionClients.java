// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openehealth.ipf.commons.audit.DefaultAuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.RetrieveDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.AvailabilityStatus;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Hl7v2Based;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.FindDocumentsByReferenceIdQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryList;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.openehealth.ipf.commons.ihe.xds.iti43.Iti43PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * A reading site's view of the region through IPF's clients: ITI-18 FindDocumentsByReferenceId against the
 * registry, ITI-43 against the repository, as an XDS-I.b Imaging Document Consumer built on IPF would call them.
 */
public final class RegionClients {

    private final IpfClient<Iti18PortType> iti18;
    private final IpfClient<Iti43PortType> iti43;

    public RegionClients(String baseUrl) {
        var noAudit = new DefaultAuditContext();
        noAudit.setAuditEnabled(false);
        iti18 = new IpfClient<>(XDS.Interactions.ITI_18.getWsTransactionConfiguration(),
                () -> baseUrl + "/registry/iti18", Duration.ofSeconds(5), Duration.ofSeconds(60), noAudit);
        iti43 = new IpfClient<>(XDS.Interactions.ITI_43.getWsTransactionConfiguration(),
                () -> baseUrl + "/repository/iti43", Duration.ofSeconds(5), Duration.ofSeconds(60), noAudit);
    }

    /**
     * FindDocumentsByReferenceId (ITI TF-2 3.18.4.1.2.3.7.14), LeafClass.
     *
     * @param referenceIds CXi values, any of which matches.
     */
    public List<DocumentEntry> findByReferenceId(String patientCx, List<AvailabilityStatus> statuses,
                                                 String... referenceIds) throws PeerUnavailableException {
        var query = new FindDocumentsByReferenceIdQuery();
        query.setPatientId(Hl7v2Based.parse(patientCx, Identifiable.class));
        query.setStatus(statuses);
        var anyOf = new QueryList<String>();
        anyOf.getOuterList().add(List.of(referenceIds));
        query.setReferenceIds(anyOf);
        var registry = new QueryRegistry(query);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        var request = new QueryRegistryTransformer().toEbXML(registry).getInternal();
        var answer = iti18.call(port -> port.documentRegistryRegistryStoredQuery(request));
        var response = new QueryResponseTransformer(new EbXMLFactory30()).fromEbXML(new EbXMLQueryResponse30(answer));
        if (response.getStatus() != Status.SUCCESS) {
            throw new IllegalStateException("ITI-18 failed: " + response.getErrors());
        }
        return response.getDocumentEntries();
    }

    /** ITI-43 for one document, written to {@code target}. */
    public Path retrieve(String repositoryUniqueId, String documentUniqueId, Path target)
            throws PeerUnavailableException, IOException {
        var request = new RetrieveDocumentSetRequestType();
        var document = new RetrieveDocumentSetRequestType.DocumentRequest();
        document.setRepositoryUniqueId(repositoryUniqueId);
        document.setDocumentUniqueId(documentUniqueId);
        request.getDocumentRequest().add(document);
        var response = iti43.call(port -> port.documentRepositoryRetrieveDocumentSet(request));
        if (response.getDocumentResponse().size() != 1) {
            throw new IllegalStateException("ITI-43 returned " + response.getDocumentResponse().size()
                    + " documents: " + response.getRegistryResponse().getStatus());
        }
        try (InputStream in = response.getDocumentResponse().get(0).getDocument().getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
