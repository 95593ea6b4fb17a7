// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.report;

import java.util.List;
import java.util.stream.Collectors;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLRegistryResponse30;
import org.openehealth.ipf.commons.ihe.xds.core.requests.ProvideAndRegisterDocumentSet;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorInfo;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Status;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.ProvideAndRegisterDocumentSetTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.ResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41PortType;

import net.imagingexchange.xds.soap.IpfClient;
import net.imagingexchange.xds.soap.PeerUnavailableException;

/**
 * ITI-41 Provide and Register Document Set-b (ITI TF-2b 3.41) as a Document Source sends it, with IPF's client: the
 * document goes as an MTOM part, and IPF writes the client's ATNA record (PHI Export) when auditing is on.
 */
public final class ProvideAndRegister {

    private final IpfClient<Iti41PortType> client;

    /** The repository's answer. */
    public record Answer(Status status, List<ErrorInfo> errors) {

        public boolean success() {
            return status == Status.SUCCESS;
        }

        public String describe() {
            return status + (errors.isEmpty() ? "" : ": " + errors.stream()
                    .map(e -> (e.getErrorCode() == null ? e.getCustomErrorCode() : e.getErrorCode().getOpcode())
                            + " (" + e.getCodeContext() + ")")
                    .collect(Collectors.joining("; ")));
        }
    }

    public ProvideAndRegister(IpfClient<Iti41PortType> client) {
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
