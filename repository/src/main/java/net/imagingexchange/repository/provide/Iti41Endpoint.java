// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import org.apache.cxf.message.Message;
import org.apache.cxf.phase.PhaseInterceptorChain;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.iti41.Iti41PortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.xds.soap.MultipartEnd;
import net.imagingexchange.xds.soap.XdsResponses;

/**
 * ITI-41 Provide and Register Document Set-b (ITI TF-2 3.41) and RAD-68 Provide and Register Imaging Document
 * Set (RAD TF-3 4.68, the same message carrying a KOS manifest), served at {@code /repository/iti41}.
 */
public class Iti41Endpoint implements Iti41PortType {

    private static final Logger LOG = LoggerFactory.getLogger(Iti41Endpoint.class);

    private final DocumentSetProvider provider;

    public Iti41Endpoint(DocumentSetProvider provider) {
        this.provider = provider;
    }

    @Override
    public RegistryResponseType documentRepositoryProvideAndRegisterDocumentSetB(
            ProvideAndRegisterDocumentSetRequestType body) {
        long start = System.nanoTime();
        RegistryResponseType response;
        try {
            // every attachment is read once the documents are staged: then the request must have been complete
            Message request = PhaseInterceptorChain.getCurrentMessage();
            response = provider.provide(body, () -> MultipartEnd.check(request));
        } catch (Exception e) {
            response = XdsResponses.failure(e, ErrorCode.REPOSITORY_METADATA_ERROR, ErrorCode.REPOSITORY_ERROR);
        }
        LOG.info("ITI-41 ProvideAndRegisterDocumentSet-b documents={} status={} errors={} ms={}",
                body.getDocument().size(), response.getStatus().substring(response.getStatus().lastIndexOf(':') + 1),
                response.getRegistryErrorList() == null ? 0 : response.getRegistryErrorList().getRegistryError().size(),
                (System.nanoTime() - start) / 1_000_000);
        return response;
    }
}
