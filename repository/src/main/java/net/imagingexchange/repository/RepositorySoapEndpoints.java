// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository;

import java.util.List;
import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;

import net.imagingexchange.repository.provide.Iti41Endpoint;
import net.imagingexchange.repository.provide.ProvideAndRegisterAuditStrategy;
import net.imagingexchange.repository.retrieve.Iti43Endpoint;
import net.imagingexchange.xds.soap.RequestSizeLimit;
import net.imagingexchange.xds.soap.SoapEndpoints;
import net.imagingexchange.xds.soap.XdsServlets;

/** The repository's SOAP endpoints on the repository's own CXF bus, served under {@code /repository/*}. */
public final class RepositorySoapEndpoints implements AutoCloseable {

    /** Servlet mapping of the repository's web services. */
    public static final String PATH = "/repository/*";

    private final Bus bus = XdsServlets.newBus();
    private final List<Server> servers;

    public RepositorySoapEndpoints(Iti41Endpoint iti41, Iti43Endpoint iti43, AuditContext audit,
                                   RepositoryProperties properties) {
        // MTOM parts above the threshold are spooled to files while the request is parsed (CXF AttachmentDeserializer)
        Map<String, Object> spooling = Map.of(
                "attachment-directory", properties.spoolDirectory().toAbsolutePath().toString(),
                "attachment-memory-threshold", Long.toString(properties.attachmentMemoryThreshold().toBytes()),
                "attachment-max-size", Long.toString(properties.maxDocumentSize().toBytes()));
        var inlineLimit = properties.maxInlineRequestSize().toBytes();
        this.servers = List.of(
                SoapEndpoints.publish(bus, XDS.Interactions.ITI_41.getWsTransactionConfiguration(), "/iti41", iti41,
                        audit, new ProvideAndRegisterAuditStrategy(), RequestSizeLimit.inlineOnly(inlineLimit),
                        spooling),
                SoapEndpoints.publish(bus, XDS.Interactions.ITI_43.getWsTransactionConfiguration(), "/iti43", iti43,
                        audit, RequestSizeLimit.inlineOnly(inlineLimit), Map.of()));
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
