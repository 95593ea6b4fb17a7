// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.publish;

import java.util.List;
import java.util.stream.Collectors;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRegistryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.ResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * RAD-68 Provide and Register Imaging Document Set - MTOM/XOP (RAD TF-2 4.68): the ITI-41 wire format with the
 * manifest as an MTOM part, sent to the Document Repository with IPF's ITI-41 client.
 */
public final class Rad68Client {

    private final IpfClient<Iti41PortType> client;

    /** The repository's answer. */
    public record Answer(Status status, List<ErrorInfo> errors) {

        public boolean success() {
            return status == Status.SUCCESS;
        }

        /**
         * Whether the registry refused a re-sent submission because it already holds it: XDSDuplicateUniqueIdInRegistry
         * naming its SubmissionSet uniqueId (ITI TF-3 4.2.4.1), which only this source makes.
         */
        public boolean alreadyRegistered(String submissionSetUniqueId) {
            return status == Status.FAILURE && errors.stream().anyMatch(
                    e -> e.getErrorCode() == ErrorCode.DUPLICATE_UNIQUE_ID_IN_REGISTRY
                            && (submissionSetUniqueId.equals(e.getLocation())
                            || String.valueOf(e.getCodeContext()).contains(submissionSetUniqueId)));
        }

        /** The status and every error, for the status API and the log. */
        public String describe() {
            return status + (errors.isEmpty() ? "" : ": " + errors.stream()
                    .map(e -> (e.getErrorCode() == null ? e.getCustomErrorCode() : e.getErrorCode().getOpcode())
                            + " (" + e.getCodeContext() + ")")
                    .collect(Collectors.joining("; ")));
        }
    }

    public Rad68Client(IpfClient<Iti41PortType> client) {
        this.client = client;
    }

    public String url() {
        return client.url();
    }

    public Answer send(ProvideAndRegisterDocumentSet request) throws PeerUnavailableException {
        var ebXml = new ProvideAndRegisterDocumentSetTransformer(new EbXMLFactory30()).toEbXML(request).getInternal();
        var answer = client.call(port -> port.documentRepositoryProvideAndRegisterDocumentSetB(ebXml));
        var response = new ResponseTransformer(new EbXMLFactory30()).fromEbXML(new EbXMLRegistryResponse30(answer));
        return new Answer(response.getStatus(), List.copyOf(response.getErrors()));
    }
}
