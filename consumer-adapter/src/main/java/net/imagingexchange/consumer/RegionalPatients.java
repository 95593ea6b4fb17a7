// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer;

import java.util.Optional;

import net.imagingexchange.dicom.Uids;

/**
 * Regional patient IDs (DESIGN.md 5): an ID of the affinity domain, written as the CX of XDS
 * ({@code id^^^&OID&ISO}, ITI TF-3 4.2.3.2.16).
 *
 * @param assigningAuthority the affinity domain's patient ID assigning authority (an OID).
 */
public record RegionalPatients(String assigningAuthority) {

    public RegionalPatients {
        if (!Uids.isOid(assigningAuthority)) {
            throw new IllegalArgumentException("the regional patient IDs' assigning authority must be an OID, not "
                    + assigningAuthority + " (consumer.region.affinity-domain-oid, or the affinity domain's)");
        }
    }

    /**
     * The CX of a patient named as a reading site's tools name one: a bare ID of the affinity domain, an ID with its
     * issuer (which must be the domain's), or a CX already.
     *
     * @return empty when the ID belongs to another assigning authority or is not an ID at all.
     */
    public Optional<String> cx(String patientId, String issuer) {
        if (patientId == null || patientId.isBlank() || patientId.contains("&") && !patientId.contains("^")) {
            return Optional.empty();
        }
        String id = patientId.strip();
        if (id.contains("^")) {
            String[] components = id.split("\\^", -1);
            String authority = components.length > 3 ? components[3] : "";
            String[] hd = authority.split("&", -1);
            String oid = hd.length > 1 ? hd[1] : "";
            return components[0].isEmpty() || !oid.equals(assigningAuthority) ? Optional.empty()
                    : Optional.of(components[0] + "^^^&" + assigningAuthority + "&ISO");
        }
        if (issuer != null && !issuer.isBlank() && !issuer.strip().equals(assigningAuthority)) {
            return Optional.empty();
        }
        return Optional.of(id + "^^^&" + assigningAuthority + "&ISO");
    }
}
