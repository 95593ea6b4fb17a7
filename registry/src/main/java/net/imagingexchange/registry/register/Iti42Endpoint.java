// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.register;

import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLSubmitObjectsRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.lcm.SubmitObjectsRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.rs.RegistryResponseType;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.SubmitObjectsRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.iti42.Iti42PortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.xds.soap.XdsResponses;

/** ITI-42 Register Document Set-b (ITI TF-2 3.42), served at {@code /registry/iti42}. */
public class Iti42Endpoint implements Iti42PortType {

    private static final Logger LOG = LoggerFactory.getLogger(Iti42Endpoint.class);

    private final SubmissionRegistrar registrar;

    public Iti42Endpoint(SubmissionRegistrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public RegistryResponseType documentRegistryRegisterDocumentSetB(SubmitObjectsRequest body) {
        long start = System.nanoTime();
        try {
            SubmitObjectsRequestValidator.getInstance().validate(new EbXMLSubmitObjectsRequest30(body),
                    XDS.Interactions.ITI_42);
            registrar.register(body);
            LOG.info("ITI-42 RegisterDocumentSet-b ok ms={}", elapsedMillis(start));
            return XdsResponses.success();
        } catch (Exception e) {
            RegistryResponseType response = XdsResponses.failure(e, ErrorCode.REGISTRY_METADATA_ERROR,
                    ErrorCode.REGISTRY_ERROR);
            LOG.info("ITI-42 RegisterDocumentSet-b failure code={} ms={}",
                    response.getRegistryErrorList().getRegistryError().get(0).getErrorCode(), elapsedMillis(start));
            return response;
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
