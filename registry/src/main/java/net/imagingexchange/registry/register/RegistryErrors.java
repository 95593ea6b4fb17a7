// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;

/** Registry rule violations as IPF exceptions, which become one RegistryError each (ITI TF-3 4.2.4). */
final class RegistryErrors {

    private RegistryErrors() {
    }

    /** @param codeContext what went wrong, naming the offending object so the source can act on it. */
    static XdsRuntimeException error(ErrorCode code, String codeContext) {
        return new XdsRuntimeException(code, codeContext, Severity.ERROR, null);
    }
}
