// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

import org.openehealth.ipf.commons.audit.AuditContext;
import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRegistryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.ResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41PortType;


/**
 * ITI-41 Provide and Register Document Set-b (ITI TF-2b 3.41) as a Document Source sends it with IPF's client: the
 * documents go as MTOM parts, and IPF writes the client's ATNA record (PHI Export) when auditing is on. RAD-68
 * (RAD TF-2 4.68) is the same wire with a KOS manifest as the document: the imaging source publishes with it, the
 * reading site sends its reports with it.
 */
public final class ProvideAndRegisterClient {

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
            return StoredQueryClient.describe(status, errors);
        }
    }

    public ProvideAndRegisterClient(IpfClient<Iti41PortType> client) {
        this.client = client;
    }

    /** A client of the ITI-41 endpoint at {@code url}, resolved on first use (see {@link IpfClient}). */
    public static ProvideAndRegisterClient of(Supplier<String> url, Duration connectTimeout, Duration receiveTimeout,
                                              AuditContext audit) {
        return new ProvideAndRegisterClient(new IpfClient<>(XDS.Interactions.ITI_41.getWsTransactionConfiguration(),
                url, connectTimeout, receiveTimeout, audit));
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
