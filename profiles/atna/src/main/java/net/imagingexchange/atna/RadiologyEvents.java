// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.atna;

import org.openehealth.ipf.commons.audit.types.EventType;

/**
 * The EventTypeCodes of the IHE Radiology transactions the exchange audits (RAD TF-2, "IHE Transactions" code system,
 * spec/atna.md), which IPF does not define: each written once for every actor that audits it.
 */
public final class RadiologyEvents {

    /** RAD-68 Provide and Register Imaging Document Set - MTOM/XOP. */
    public static final EventType RAD_68 = EventType.of("RAD-68", "IHE Transactions",
            "Provide and Register Imaging Document Set - MTOM/XOP");
    /** RAD-107 WADO-RS Retrieve. */
    public static final EventType WADO_RS = EventType.of("RAD-107", "IHE Transactions", "WADO-RS Retrieve");
    /** RAD-55 WADO Retrieve (WADO-URI). */
    public static final EventType WADO_URI = EventType.of("RAD-55", "IHE Transactions", "WADO Retrieve");

    private RadiologyEvents() {
    }
}
