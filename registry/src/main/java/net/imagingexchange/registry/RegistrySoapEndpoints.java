// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry;

import java.util.List;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;

import net.imagingexchange.registry.query.Iti18Endpoint;
import net.imagingexchange.registry.register.Iti42Endpoint;
import net.imagingexchange.xds.soap.SoapEndpoints;
import net.imagingexchange.xds.soap.XdsServlets;

/** The registry's SOAP endpoints on the registry's own CXF bus, served under {@code /registry/*}. */
public final class RegistrySoapEndpoints implements AutoCloseable {

    /** Servlet mapping of the registry's web services. */
    public static final String PATH = "/registry/*";

    private final Bus bus = XdsServlets.newBus();
    private final List<Server> servers;

    public RegistrySoapEndpoints(Iti42Endpoint iti42, Iti18Endpoint iti18, AuditContext audit, long maxRequestSize) {
        this.servers = List.of(
                SoapEndpoints.publish(bus, XDS.Interactions.ITI_42.getWsTransactionConfiguration(), "/iti42", iti42,
                        audit, maxRequestSize),
                SoapEndpoints.publish(bus, XDS.Interactions.ITI_18.getWsTransactionConfiguration(), "/iti18", iti18,
                        audit, maxRequestSize));
    }

    public Bus bus() {
        return bus;
    }

    @Override
    public void close() {
        servers.forEach(Server::destroy);
        bus.shutdown(true);
    }
}
