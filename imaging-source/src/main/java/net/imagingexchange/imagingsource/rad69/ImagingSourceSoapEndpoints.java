// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.rad69;

import java.util.Map;

import org.apache.cxf.Bus;
import org.apache.cxf.endpoint.Server;
import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.RAD;

import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.xds.soap.RequestSizeLimit;
import net.imagingexchange.xds.soap.SoapEndpoints;
import net.imagingexchange.xds.soap.XdsServlets;

/**
 * The imaging source's SOAP endpoint, RAD-69, on the imaging source's own CXF bus. Its servlet is mapped at
 * {@link #PATH} only, so the rest of {@code /imaging-source} (DICOMweb, WADO-URI) stays with Spring MVC. Every call
 * is audited with IPF's RAD-69 Imaging Document Source strategy (DICOM Instances Transferred, PS3.15 A.5.3.2)
 * when the audit context is enabled.
 */
public final class ImagingSourceSoapEndpoints implements AutoCloseable {

    /** Servlet mapping of RAD-69; the endpoint answers at {@code /imaging-source/rad69}, WSDL at {@code ?wsdl}. */
    public static final String PATH = "/imaging-source/rad69/*";

    /** A RAD-69 request is a list of UIDs: 16 MiB names tens of thousands of instances. */
    public static final long DEFAULT_MAX_REQUEST_SIZE = 16L * 1024 * 1024;

    private final Bus bus = XdsServlets.newBus();
    private final Server rad69;

    /**
     * @param index          where the audit records' patient is looked up.
     * @param maxRequestSize requests above this many bytes are refused with HTTP 413 before they are parsed;
     *                       the answer's size has no limit, its documents stream from their files.
     */
    public ImagingSourceSoapEndpoints(Rad69Endpoint rad69, StudyIndex index, AuditContext audit,
                                      long maxRequestSize) {
        // "/" is the servlet's own path: the mapping above already names the transaction
        this.rad69 = SoapEndpoints.publish(bus, RAD.Interactions.RAD_69.getWsTransactionConfiguration(), "/", rad69,
                audit, new Rad69PatientAuditStrategy(index), new RequestSizeLimit(maxRequestSize), Map.of());
    }

    public Bus bus() {
        return bus;
    }

    @Override
    public void close() {
        rad69.destroy();
        bus.shutdown(true);
    }
}
