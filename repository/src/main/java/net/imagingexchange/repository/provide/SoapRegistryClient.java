// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestClientFactory;
import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;
import org.openehealth.ipf.commons.ihe.ws.cxf.audit.WsAuditDataset;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLQueryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.requests.QueryRegistry;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.GetDocumentsQuery;
import org.openehealth.ipf.commons.ihe.xds.core.requests.query.QueryReturnType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.openehealth.ipf.commons.ihe.xds.iti42.Iti42PortType;

/**
 * ITI-42 and ITI-18 over SOAP 1.2 with IPF's clients: WS-Addressing, and the Document Repository's ATNA records
 * (ITI-42 Export, ITI TF-2 3.42.5.1.1) when auditing is on. Addresses are resolved on first use, so a repository
 * inside the exchange can name the exchange's own HTTP port once the server listens.
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

    private final Settings settings;
    private final AuditContext audit;
    private final Lazy iti42;
    private final Lazy iti18;

    public SoapRegistryClient(Settings settings, AuditContext audit) {
        this.settings = settings;
        this.audit = audit;
        this.iti42 = new Lazy(XDS.Interactions.ITI_42.getWsTransactionConfiguration(), settings.register());
        this.iti18 = new Lazy(XDS.Interactions.ITI_18.getWsTransactionConfiguration(), settings.query());
    }

    @Override
    public RegistryResponseType register(SubmitObjectsRequest request) throws RegistryUnavailableException {
        return call(iti42, settings.register(),
                port -> ((Iti42PortType) port).documentRegistryRegisterDocumentSetB(request));
    }

    @Override
    public Map<String, String> registeredHashes(Collection<String> documentUniqueIds)
            throws RegistryUnavailableException {
        var query = new GetDocumentsQuery();
        query.setUniqueIds(new ArrayList<>(documentUniqueIds));
        var registryQuery = new QueryRegistry(query);
        registryQuery.setReturnType(QueryReturnType.LEAF_CLASS);
        var ebXml = new QueryRegistryTransformer().toEbXML(registryQuery).getInternal();
        var answer = call(iti18, settings.query(),
                port -> ((Iti18PortType) port).documentRegistryRegistryStoredQuery(ebXml));
        var response = new QueryResponseTransformer(new EbXMLFactory30()).fromEbXML(new EbXMLQueryResponse30(answer));
        if (response.getStatus() == Status.FAILURE) {
            throw new RegistryUnavailableException("the registry refused GetDocuments: " + response.getErrors(),
                    null, true);
        }
        var hashes = new HashMap<String, String>();
        for (var entry : response.getDocumentEntries()) {
            hashes.put(entry.getUniqueId(), entry.getHash() == null ? "" : entry.getHash().toLowerCase(Locale.ROOT));
        }
        return hashes;
    }

    private <T> T call(Lazy client, Supplier<String> url, Function<Object, T> invocation)
            throws RegistryUnavailableException {
        var factory = client.factory();
        Object port = factory.getClient();
        try {
            return invocation.apply(port);
        } catch (SOAPFaultException e) {
            // an answer, though not a RegistryResponse: the registry refused the message itself (size, addressing)
            throw new RegistryUnavailableException("the registry answered with a SOAP fault: "
                    + e.getFault().getFaultString(), e, false);
        } catch (WebServiceException e) {
            Throwable root = rootCause(e);
            boolean noConnection = root instanceof ConnectException || root instanceof UnknownHostException
                    || root instanceof HttpConnectTimeoutException;
            throw new RegistryUnavailableException("the registry at " + url.get() + " did not answer: "
                    + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()),
                    e, !noConnection);
        } finally {
            factory.restoreClient(port);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** An IPF client factory, created once its address can be resolved. */
    private final class Lazy {
        private final WsTransactionConfiguration<? extends WsAuditDataset> transaction;
        private final Supplier<String> url;
        private volatile JaxWsRequestClientFactory<?> factory;

        Lazy(WsTransactionConfiguration<? extends WsAuditDataset> transaction, Supplier<String> url) {
            this.transaction = transaction;
            this.url = url;
        }

        @SuppressWarnings({"rawtypes", "unchecked"})
        JaxWsRequestClientFactory<?> factory() {
            var current = factory;
            if (current == null) {
                synchronized (this) {
                    current = factory;
                    if (current == null) {
                        var policy = new HTTPClientPolicy();
                        policy.setConnectionTimeout(settings.connectTimeout().toMillis());
                        policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
                        current = new JaxWsRequestClientFactory(transaction, url.get(),
                                audit.isAuditEnabled() ? transaction.getClientAuditStrategy() : null, audit,
                                null, null, null, null, null, policy);
                        factory = current;
                    }
                }
            }
            return current;
        }
    }
}
