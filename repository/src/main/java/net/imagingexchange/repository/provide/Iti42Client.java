// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.time.Duration;
import java.util.function.Supplier;

import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;

import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestClientFactory;
import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.audit.XdsSubmitAuditDataset;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.iti42.Iti42PortType;

/**
 * ITI-42 over SOAP 1.2 with IPF's client: WS-Addressing, and the Document Repository's "Export" audit record
 * (ITI TF-2 3.42.5.1.1) when auditing is on. The registry's address is resolved on first use, so a repository
 * inside the exchange can name the exchange's own HTTP port once the server listens.
 */
public final class Iti42Client implements RegistryClient {

    /** Connection and answer timeouts. */
    public record Timeouts(Duration connect, Duration receive) {
    }

    private final Supplier<String> url;
    private final AuditContext audit;
    private final Timeouts timeouts;
    private volatile JaxWsRequestClientFactory<XdsSubmitAuditDataset> factory;

    public Iti42Client(Supplier<String> url, AuditContext audit, Timeouts timeouts) {
        this.url = url;
        this.audit = audit;
        this.timeouts = timeouts;
    }

    @Override
    public RegistryResponseType register(SubmitObjectsRequest request) throws RegistryUnavailableException {
        var factory = factory();
        var port = (Iti42PortType) factory.getClient();
        try {
            return port.documentRegistryRegisterDocumentSetB(request);
        } catch (SOAPFaultException e) {
            // a SOAP fault is an answer: the registry refused the message itself (size, WS-Addressing)
            throw new RegistryUnavailableException("the registry answered with a SOAP fault: "
                    + e.getFault().getFaultString(), e);
        } catch (WebServiceException e) {
            throw new RegistryUnavailableException("the registry at " + url.get() + " did not answer: "
                    + rootMessage(e), e);
        } finally {
            factory.restoreClient(port);
        }
    }

    private JaxWsRequestClientFactory<XdsSubmitAuditDataset> factory() {
        var current = factory;
        if (current == null) {
            synchronized (this) {
                current = factory;
                if (current == null) {
                    @SuppressWarnings("unchecked")
                    var transaction = (WsTransactionConfiguration<XdsSubmitAuditDataset>)
                            XDS.Interactions.ITI_42.getWsTransactionConfiguration();
                    var policy = new HTTPClientPolicy();
                    policy.setConnectionTimeout(timeouts.connect().toMillis());
                    policy.setReceiveTimeout(timeouts.receive().toMillis());
                    current = new JaxWsRequestClientFactory<>(transaction, url.get(),
                            audit.isAuditEnabled() ? transaction.getClientAuditStrategy() : null, audit,
                            null, null, null, null, null, policy);
                    factory = current;
                }
            }
        }
        return current;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
