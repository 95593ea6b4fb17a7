// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import org.apache.cxf.Bus;
import org.apache.cxf.bus.extension.ExtensionManagerBus;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;

/**
 * One CXF bus and servlet per actor, so each actor serves its web services under its own prefix
 * ({@code /registry/*}, {@code /repository/*}) and actors stay independent inside the all-in-one exchange.
 */
public final class XdsServlets {

    private XdsServlets() {
    }

    /** A new bus that no other actor shares. */
    public static Bus newBus() {
        return new ExtensionManagerBus();
    }

    /** A servlet that serves every endpoint published on {@code bus}; WSDLs are served at {@code ?wsdl}. */
    public static CXFNonSpringServlet servlet(Bus bus) {
        var servlet = new CXFNonSpringServlet();
        servlet.setBus(bus);
        return servlet;
    }
}
