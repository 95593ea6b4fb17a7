// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rim.SlotType1;
import org.openehealth.ipf.commons.ihe.xds.core.validate.ValidationMessage;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;

/**
 * ITI TF-2 3.18.4.1.2.3.7 / TF-3 Table 4.2.4.1-2: a list of values {@code ('a','b')} given for a single-valued
 * parameter is XDSStoredQueryParamNumber. IPF 5.1 reports it as "not specified as a string" without a code (so it
 * would become XDSRegistryError); an unquoted value stays a malformed parameter.
 */
final class ListForSingleValue {

    private ListForSingleValue() {
    }

    static Exception reclassified(Exception failure, AdhocQueryRequest request) {
        if (!(failure instanceof XDSMetaDataException metadata)
                || metadata.getValidationMessage() != ValidationMessage.PARAMETER_VALUE_NOT_STRING
                || request.getAdhocQuery() == null) {
            return failure;
        }
        for (SlotType1 slot : request.getAdhocQuery().getSlot()) {
            boolean named = failure.getMessage() != null && failure.getMessage().endsWith(slot.getName());
            if (named && slot.getValueList() != null && slot.getValueList().getValue().stream()
                    .anyMatch(v -> v.trim().startsWith("("))) {
                return new XdsRuntimeException(ErrorCode.STORED_QUERY_PARAM_NUMBER, "query parameter "
                        + slot.getName() + " takes a single value, not a list", Severity.ERROR, null);
            }
        }
        return failure;
    }
}
