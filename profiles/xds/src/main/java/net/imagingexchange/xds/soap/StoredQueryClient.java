// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.Query;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;

/**
 * ITI-18 Registry Stored Query (ITI TF-2a 3.18) as a Document Consumer sends it with IPF's client, LeafClass: the
 * one client of the imaging source (is a manifest registered?) and of the reading site (the region's studies and
 * reports).
 */
public final class StoredQueryClient {

    private final IpfClient<Iti18PortType> client;

    public StoredQueryClient(IpfClient<Iti18PortType> client) {
        this.client = client;
    }

    /** A client of the ITI-18 endpoint at {@code url}, resolved on first use (see {@link IpfClient}). */
    public static StoredQueryClient of(Supplier<String> url, Duration connectTimeout, Duration receiveTimeout,
                                       AuditContext audit) {
        return new StoredQueryClient(new IpfClient<>(XDS.Interactions.ITI_18.getWsTransactionConfiguration(), url,
                connectTimeout, receiveTimeout, audit));
    }

    public String url() {
        return client.url();
    }

    /**
     * The DocumentEntries {@code query} finds.
     *
     * @throws StoredQueryException the registry answered, with another status than Success.
     */
    public List<DocumentEntry> documentEntries(Query query) throws PeerUnavailableException, StoredQueryException {
        var registry = new QueryRegistry(query);
        registry.setReturnType(QueryReturnType.LEAF_CLASS);
        var request = new QueryRegistryTransformer().toEbXML(registry).getInternal();
        var answer = client.call(port -> port.documentRegistryRegistryStoredQuery(request));
        var response = new QueryResponseTransformer(new EbXMLFactory30()).fromEbXML(new EbXMLQueryResponse30(answer));
        if (response.getStatus() != Status.SUCCESS) {
            throw new StoredQueryException(describe(response.getStatus(), response.getErrors()));
        }
        return response.getDocumentEntries();
    }

    /** A status and its RegistryErrors, each as its code and context, for logs, problem details and status APIs. */
    public static String describe(Status status, List<ErrorInfo> errors) {
        return status + (errors.isEmpty() ? "" : ": " + errors.stream()
                .map(e -> (e.getErrorCode() == null ? e.getCustomErrorCode() : e.getErrorCode().getOpcode())
                        + " (" + e.getCodeContext() + ")")
                .collect(Collectors.joining("; ")));
    }

    /** The registry answered the query with an error (a malformed patient ID, an unknown patient...). */
    public static final class StoredQueryException extends Exception {
        public StoredQueryException(String message) {
            super(message);
        }
    }
}
