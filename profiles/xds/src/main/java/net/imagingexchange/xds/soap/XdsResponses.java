// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Response;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.ResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.XDSMetaDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds ebRS {@code RegistryResponse}s. Business and metadata errors are never SOAP faults (ITI TF-2 Appendix V):
 * they become {@code status=Failure} with one {@code RegistryError} carrying the XDS error code and a codeContext.
 */
public final class XdsResponses {

    private static final Logger LOG = LoggerFactory.getLogger(XdsResponses.class);
    private static final ResponseTransformer RESPONSES = new ResponseTransformer(new EbXMLFactory30());

    private XdsResponses() {
    }

    public static RegistryResponseType success() {
        return RESPONSES.toEbXML(new Response(Status.SUCCESS)).getInternal();
    }

    /** A response with the given status and errors (e.g. PartialSuccess with one error per missing document). */
    public static RegistryResponseType of(Status status, List<ErrorInfo> errors) {
        var response = new Response(status);
        response.getErrors().addAll(errors);
        return RESPONSES.toEbXML(response).getInternal();
    }

    /**
     * A Failure response for {@code failure}.
     *
     * @param metadataDefault code for an IPF validation failure whose message has no code of its own.
     * @param otherDefault    code for anything else that is not an {@link XdsRuntimeException}.
     */
    public static RegistryResponseType failure(Throwable failure, ErrorCode metadataDefault, ErrorCode otherDefault) {
        return RESPONSES.toEbXML(new Response(sanitized(failure), metadataDefault, otherDefault, null)).getInternal();
    }

    /**
     * Known failures pass unchanged; an unexpected exception is logged here, once, and replaced by a message that
     * leaks no internals (and no PHI) to the caller.
     */
    public static Throwable sanitized(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof XdsRuntimeException || t instanceof XDSMetaDataException) {
                return t;
            }
        }
        LOG.error("unexpected failure", failure);
        return new IllegalStateException("internal error; the operator's log has the details");
    }
}
