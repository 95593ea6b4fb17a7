// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.domain;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.LocalizedString;

/** A code of the affinity domain as a setting writes it: {@code code^codingScheme^displayName}. */
public final class ConfiguredCodes {

    private ConfiguredCodes() {
    }

    /** A new IPF code from {@code code^codingScheme^displayName}; each part required. */
    public static Code parse(String codeSchemeDisplay) {
        String[] parts = codeSchemeDisplay == null ? new String[0] : codeSchemeDisplay.split("\\^", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new IllegalArgumentException("a code is code^codingScheme^displayName, not '" + codeSchemeDisplay
                    + "'");
        }
        return new Code(parts[0].strip(), new LocalizedString(parts[2].strip()), parts[1].strip());
    }
}
