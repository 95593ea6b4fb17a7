// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.util.List;
import java.util.Optional;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;

import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * Asks the registry whether a manifest sent without a clear answer was registered: ITI-18 GetDocuments by its
 * uniqueId (ITI TF-2 3.18.4.1.2.3.7.5), any status.
 */
public final class RegistryQueryClient {

    private final StoredQueryClient client;

    public RegistryQueryClient(StoredQueryClient client) {
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
        try {
            return client.documentEntries(query).stream().map(DocumentEntry::getEntryUuid).findFirst();
        } catch (StoredQueryClient.StoredQueryException e) {
            throw new PeerUnavailableException(client.url() + " refused GetDocuments: " + e.getMessage(), e, true);
        }
    }
}
