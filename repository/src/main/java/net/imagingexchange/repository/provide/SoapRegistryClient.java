// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.iti42.Iti42PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;
import net.imagingexchange.xds.soap.StoredQueryClient;

/**
 * ITI-42 and ITI-18 over SOAP 1.2 with IPF's clients ({@link IpfClient}, {@link StoredQueryClient}): WS-Addressing,
 * and the Document Repository's ATNA records (ITI-42 Export, ITI TF-2 3.42.5.1.1) when auditing is on.
 */
public final class SoapRegistryClient implements RegistryClient {

    /**
     * Where the registry is and how long to wait for it.
     *
     * @param register its ITI-42 endpoint.
     * @param query    its ITI-18 endpoint.
     */
    public record Settings(Supplier<String> register, Supplier<String> query, Duration connectTimeout,
                           Duration receiveTimeout) {
    }

    private final IpfClient<Iti42PortType> iti42;
    private final StoredQueryClient iti18;

    public SoapRegistryClient(Settings settings, AuditContext audit) {
        this.iti42 = new IpfClient<>(XDS.Interactions.ITI_42.getWsTransactionConfiguration(), settings.register(),
                settings.connectTimeout(), settings.receiveTimeout(), audit);
        this.iti18 = StoredQueryClient.of(settings.query(), settings.connectTimeout(), settings.receiveTimeout(),
                audit);
    }

    @Override
    public RegistryResponseType register(SubmitObjectsRequest request) throws RegistryUnavailableException {
        return call(iti42, port -> port.documentRegistryRegisterDocumentSetB(request));
    }

    @Override
    public Map<String, String> registeredHashes(Collection<String> documentUniqueIds)
            throws RegistryUnavailableException {
        var query = new GetDocumentsQuery();
        query.setUniqueIds(new ArrayList<>(documentUniqueIds));
        List<DocumentEntry> entries;
        try {
            entries = iti18.documentEntries(query);
        } catch (StoredQueryClient.StoredQueryException e) {
            throw new RegistryUnavailableException("the registry refused GetDocuments: " + e.getMessage(), e, true);
        } catch (PeerUnavailableException e) {
            throw new RegistryUnavailableException("the registry at " + e.getMessage(), e, e.mayHaveArrived());
        }
        var hashes = new HashMap<String, String>();
        for (var entry : entries) {
            hashes.put(entry.getUniqueId(), entry.getHash() == null ? "" : entry.getHash().toLowerCase(Locale.ROOT));
        }
        return hashes;
    }

    private static <P, T> T call(IpfClient<P> client, Function<P, T> invocation)
            throws RegistryUnavailableException {
        try {
            return client.call(invocation);
        } catch (PeerUnavailableException e) {
            throw new RegistryUnavailableException("the registry at " + e.getMessage(), e, e.mayHaveArrived());
        }
    }
}
