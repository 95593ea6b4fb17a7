// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import org.openehealth.ipf.commons.ihe.xds.core.metadata.Code;

import net.imagingexchange.xds.domain.ConfiguredCodes;

/** A code of the affinity domain as configured, {@code code^codingScheme^displayName}; the scheme is an OID. */
record CodedValue(String code, String scheme, String display) {

    static CodedValue parse(String codeSchemeDisplay) {
        Code code = ConfiguredCodes.parse(codeSchemeDisplay);
        return new CodedValue(code.getCode(), code.getSchemeName(), code.getDisplayName().getValue());
    }
}
