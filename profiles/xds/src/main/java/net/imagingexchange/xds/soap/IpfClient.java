// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestClientFactory;
import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;
import org.openehealth.ipf.commons.ihe.ws.cxf.audit.WsAuditDataset;

/**
 * One IHE web-service transaction as a client, with IPF's JAX-WS client (WS-Addressing, MTOM where the
 * transaction uses it, and the client-side ATNA record when auditing is on). The address is resolved on first use,
 * so an actor inside the exchange can name the exchange's own HTTP port once the server listens. Failures to get an
 * answer are told apart by whether the peer may have received the request.
 *
 * @param <P> the transaction's port type, e.g. {@code Iti41PortType}.
 */
public final class IpfClient<P> {

    private final WsTransactionConfiguration<? extends WsAuditDataset> transaction;
    private final Supplier<String> url;
    private final Duration connectTimeout;
    private final Duration receiveTimeout;
    private final AuditContext audit;
    private volatile JaxWsRequestClientFactory<?> factory;

    public IpfClient(WsTransactionConfiguration<? extends WsAuditDataset> transaction, Supplier<String> url,
                     Duration connectTimeout, Duration receiveTimeout, AuditContext audit) {
        this.transaction = transaction;
        this.url = url;
        this.connectTimeout = connectTimeout;
        this.receiveTimeout = receiveTimeout;
        this.audit = audit;
    }

    /** Where requests go. */
    public String url() {
        return url.get();
    }

    /**
     * Calls the peer.
     *
     * @throws PeerUnavailableException no answer, a broken answer, or a SOAP fault instead of a response.
     */
    @SuppressWarnings("unchecked")
    public <T> T call(Function<P, T> invocation) throws PeerUnavailableException {
        var clients = factory();
        Object port = clients.getClient();
        try {
            return invocation.apply((P) port);
        } catch (SOAPFaultException e) {
            // an answer, though not a response: the peer refused the message itself (size, addressing)
            throw new PeerUnavailableException(url() + " answered with a SOAP fault: "
                    + e.getFault().getFaultString(), e, false);
        } catch (WebServiceException e) {
            Throwable root = rootCause(e);
            boolean noConnection = root instanceof ConnectException || root instanceof UnknownHostException
                    || root instanceof HttpConnectTimeoutException;
            throw new PeerUnavailableException(url() + " did not answer: " + root.getClass().getSimpleName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()), e, !noConnection);
        } finally {
            clients.restoreClient(port);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private JaxWsRequestClientFactory<?> factory() {
        var current = factory;
        if (current == null) {
            synchronized (this) {
                current = factory;
                if (current == null) {
                    var policy = new HTTPClientPolicy();
                    policy.setConnectionTimeout(connectTimeout.toMillis());
                    policy.setReceiveTimeout(receiveTimeout.toMillis());
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
