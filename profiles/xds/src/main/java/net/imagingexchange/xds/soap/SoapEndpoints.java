// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.util.HashMap;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.core.atna.AuditStrategy;
import org.openehealth.ipf.commons.ihe.ws.JaxWsRequestServiceFactory;
import org.openehealth.ipf.commons.ihe.ws.WsTransactionConfiguration;

/**
 * Publishes an IPF-described IHE web service on a CXF bus without Camel: SEI, WSDL, SOAP 1.2 binding,
 * WS-Addressing, MTOM where the transaction uses it, and IPF's ATNA interceptors.
 */
public final class SoapEndpoints {

    private SoapEndpoints() {
    }

    /**
     * Creates and starts the endpoint.
     *
     * @param bus           the bus whose servlet serves {@code path}.
     * @param transaction   IPF's description of the transaction (e.g. {@code XDS.Interactions.ITI_42}).
     * @param path          address relative to the servlet, e.g. {@code /iti42}.
     * @param implementation the port type implementation.
     * @param audit         ATNA context; the transaction's server-side audit strategy records every call.
     * @param maxRequestSize requests above this many bytes are refused before parsing (see {@link RequestSizeLimit}).
     * @return the started server; the caller destroys it on shutdown.
     */
    @SuppressWarnings("rawtypes")
    public static Server publish(Bus bus, WsTransactionConfiguration transaction, String path, Object implementation,
                                 AuditContext audit, long maxRequestSize) {
        return publish(bus, transaction, path, implementation, audit, new RequestSizeLimit(maxRequestSize), Map.of());
    }

    /**
     * Creates and starts the endpoint, with CXF endpoint properties of its own (e.g. where MTOM attachments are
     * spooled: {@code attachment-directory}, {@code attachment-memory-threshold}, {@code attachment-max-size}).
     */
    @SuppressWarnings("rawtypes")
    public static Server publish(Bus bus, WsTransactionConfiguration transaction, String path, Object implementation,
                                 AuditContext audit, RequestSizeLimit sizeLimit, Map<String, Object> endpointProperties) {
        return publish(bus, transaction, path, implementation, audit, transaction.getServerAuditStrategy(), sizeLimit,
                endpointProperties);
    }

    /** As above, auditing with {@code auditStrategy} instead of the transaction's server-side strategy. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static Server publish(Bus bus, WsTransactionConfiguration transaction, String path, Object implementation,
                                 AuditContext audit, AuditStrategy auditStrategy, RequestSizeLimit sizeLimit,
                                 Map<String, Object> endpointProperties) {
        AuditStrategy strategy = audit.isAuditEnabled() ? auditStrategy : null;
        var factory = new JaxWsRequestServiceFactory(transaction, path, strategy, audit, null, null)
                .createServerFactory(implementation);
        factory.setBus(bus);
        var properties = new HashMap<String, Object>();
        if (factory.getProperties() != null) {
            properties.putAll(factory.getProperties()); // IPF hands an immutable map for MTOM transactions
        }
        properties.putAll(endpointProperties);
        factory.setProperties(properties);
        factory.getInInterceptors().add(0, sizeLimit);
        factory.getInInterceptors().add(new MultipartEnd());
        factory.getInInterceptors().add(new ActionCheck());
        factory.getInInterceptors().add(new CorrelationId.Set());
        factory.getOutInterceptors().add(new CorrelationId.Clear());
        factory.getOutFaultInterceptors().add(new CorrelationId.Clear());
        Server server = factory.create();
        server.start(); // IPF's factory creates it stopped
        return server;
    }
}
