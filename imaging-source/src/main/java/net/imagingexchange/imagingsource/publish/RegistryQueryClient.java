// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.util.List;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * Asks the registry whether a manifest sent without a clear answer was registered: ITI-18 GetDocuments by its
 * uniqueId (ITI TF-2 3.18.4.1.2.3.7.5), any status.
 */
public final class RegistryQueryClient {

    private final IpfClient<Iti18PortType> client;

    public RegistryQueryClient(IpfClient<Iti18PortType> client) {
        this.client = client;
    }

    /**
     * @return the entryUUID of the DocumentEntry registered under {@code documentUniqueId}, or empty when there is
     *         none.
     * @throws PeerUnavailableException the registry did not answer, or refused the query: it cannot say.
     */
    public Optional<String> registeredEntry(String documentUniqueId) throws PeerUnavailableException {
        var query = new GetDocumentsQuery();
        query.setUniqueIds(List.of(documentUniqueId));
        var registry = new QueryRegistry(query);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        var request = new QueryRegistryTransformer().toEbXML(registry).getInternal();
        var answer = client.call(port -> port.documentRegistryRegistryStoredQuery(request));
        var response = new QueryResponseTransformer(new EbXMLFactory30()).fromEbXML(new EbXMLQueryResponse30(answer));
        if (response.getStatus() != Status.SUCCESS) {
            throw new PeerUnavailableException(client.url() + " refused GetDocuments: " + response.getErrors(), null,
                    true);
        }
        return response.getDocumentEntries().stream().map(entry -> entry.getEntryUuid()).findFirst();
    }
}
