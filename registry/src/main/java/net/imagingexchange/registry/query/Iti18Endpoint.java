// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.registry.query;

import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLAdhocQueryRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLFactory30;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.QueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryRequest;
import org.openehealth.ipf.commons.ihe.xds.core.stub.ebrs30.query.AdhocQueryResponse;
import org.openehealth.ipf.commons.ihe.xds.core.transform.requests.QueryRegistryTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.transform.responses.QueryResponseTransformer;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.AdhocQueryRequestValidator;
import org.openehealth.ipf.commons.ihe.xds.iti18.Iti18PortType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.xds.soap.XdsResponses;

/** ITI-18 Registry Stored Query (ITI TF-2 3.18), served at {@code /registry/iti18}. */
public class Iti18Endpoint implements Iti18PortType {

    private static final Logger LOG = LoggerFactory.getLogger(Iti18Endpoint.class);
    private static final QueryRegistryTransformer REQUESTS = new QueryRegistryTransformer();
    private static final QueryResponseTransformer RESPONSES = new QueryResponseTransformer(new EbXMLFactory30());

    private final StoredQueryService queries;

    public Iti18Endpoint(StoredQueryService queries) {
        this.queries = queries;
    }

    @Override
    public AdhocQueryResponse documentRegistryRegistryStoredQuery(AdhocQueryRequest body) {
        long start = System.nanoTime();
        try {
            var request = new EbXMLAdhocQueryRequest30(body);
            AdhocQueryRequestValidator.getInstance().validate(request, XDS.Interactions.ITI_18);
            AdhocQueryResponse response = queries.query(REQUESTS.fromEbXML(request));
            LOG.info("ITI-18 {} ok objects={} ms={}", body.getAdhocQuery().getId(),
                    response.getRegistryObjectList().getIdentifiable().size(), (System.nanoTime() - start) / 1_000_000);
            return response;
        } catch (Exception e) {
            // ITI TF-2 3.18.4.1.3: query errors are a Failure status with the error list, never a SOAP fault
            var failure = new QueryResponse(XdsResponses.sanitized(ListForSingleValue.reclassified(e, body)),
                    ErrorCode.REGISTRY_ERROR, ErrorCode.REGISTRY_ERROR, null);
            AdhocQueryResponse response = RESPONSES.toEbXML(failure).getInternal();
            LOG.info("ITI-18 failure code={} ms={}",
                    response.getRegistryErrorList().getRegistryError().get(0).getErrorCode(),
                    (System.nanoTime() - start) / 1_000_000);
            return response;
        }
    }
}
