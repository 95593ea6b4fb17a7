// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.identity;

/**
 * A patient's identifier in the affinity domain, as XDS metadata carries it (ITI TF-3 4.2.3.2.16): the CX
 * {@code id^^^&oid&ISO}.
 */
public record RegionalPatientId(String id, String assigningAuthority) {

    public RegionalPatientId {
        if (id.isBlank() || id.chars().anyMatch(c -> c == '^' || c == '&' || c == '~' || c == '\\' || c == '|')) {
            throw new IllegalArgumentException("not usable as an HL7 CX.1: '" + id + "'");
        }
    }

    public String cx() {
        return id + "^^^&" + assigningAuthority + "&ISO";
    }
}
