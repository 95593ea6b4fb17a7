// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;


import org.openehealth.ipf.commons.ihe.xds.core.metadata.AssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.CXiAssigningAuthority;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Identifiable;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.ReferenceId;

import net.imagingexchange.dicom.Uids;

/** HL7 v2 CX and CXi identifiers of XDS metadata (ITI TF-3 4.2.3.1.7, 4.2.3.2.28), and the OID test they rely on. */
final class Cx {

    /** HD.3 of an assigning authority given by OID (ITI TF-3 Table 4.2.3.1.7-2). */
    static final String ISO = "ISO";

    private Cx() {
    }

    /** {@code id^^^&oid&ISO}: a patient identifier (ITI TF-3 4.2.3.2.23: the assigning authority is an OID). */
    static Identifiable patientId(String id, String issuerOid) {
        if (!Uids.isOid(issuerOid)) {
            throw new IllegalArgumentException("an XDS patient identifier needs an OID as assigning authority, not '"
                    + issuerOid + "'");
        }
        return new Identifiable(id, new AssigningAuthority(issuerOid, ISO));
    }

    /** The patient's ID in the affinity domain, given as {@code id^^^&oid&ISO} (ITI TF-3 4.2.3.2.23). */
    static Identifiable affinityDomainPatientId(String cx) {
        Identifiable id = Identifiable.parse(cx);
        AssigningAuthority authority = id == null ? null : id.getAssigningAuthority();
        if (authority == null || !Uids.isOid(authority.getUniversalId()) || !ISO.equals(authority.getUniversalIdType())
                || id.getId() == null || id.getId().isBlank()) {
            throw new IllegalArgumentException("the affinity-domain patient ID must be id^^^&OID&ISO");
        }
        return id;
    }

    /**
     * A CXi of referenceIdList (ITI TF-3 4.2.3.2.28): {@code id^^^&oid&ISO^type} when the issuer is an OID,
     * {@code id^^^namespace^type} when it is another name, {@code id^^^^type} when there is none.
     */
    static ReferenceId referenceId(String id, String issuer, String idTypeCode) {
        CXiAssigningAuthority authority = null;
        if (Uids.isOid(issuer)) {
            authority = new CXiAssigningAuthority(null, issuer, ISO);
        } else if (issuer != null && !issuer.isBlank()) {
            authority = new CXiAssigningAuthority(issuer, null, null);
        }
        return new ReferenceId(id, authority, idTypeCode);
    }
}
