// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;

/** A code of the affinity domain as configured, {@code code^codingScheme^displayName}; the scheme is an OID. */
record CodedValue(String code, String scheme, String display) {

    static CodedValue parse(String codeSchemeDisplay) {
        String[] parts = codeSchemeDisplay == null ? new String[0] : codeSchemeDisplay.split("\\^", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("a code is code^codingScheme^displayName, not '" + codeSchemeDisplay
                    + "'");
        }
        return new CodedValue(parts[0].strip(), parts[1].strip(), parts[2].strip());
    }

    /** The code as IPF's XDS metadata model holds it. */
    Code xds() {
        return new Code(code, new LocalizedString(display), scheme);
    }
}
