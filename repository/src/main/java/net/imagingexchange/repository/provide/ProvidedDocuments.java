// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.openehealth.ipf.commons.ihe.xds.XDS;
import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLProvideAndRegisterDocumentSetRequest30;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.ProvideAndRegisterDocumentSetRequestType;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.DocumentEntryType;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;
import org.openehealth.ipf.commons.ihe.xds.core.validate.requests.ProvideAndRegisterDocumentSetRequestValidator;

/**
 * Validates an ITI-41 / RAD-68 request and pairs its documents with their DocumentEntries. IPF's ITI-41 profile
 * checks the metadata as the registry would, uniqueIds unique in the message (XDSRepositoryDuplicateUniqueIdInMessage)
 * and that every stable DocumentEntry has a document (XDSMissingDocument) and every document an entry
 * (XDSMissingDocumentMetadata), ITI TF-2 3.41.4.1.3. IPF sees the documents as a map by id, so a document given
 * twice under one id is refused here first.
 */
final class ProvidedDocuments {

    private ProvidedDocuments() {
    }

    static List<ProvidedDocument> pair(ProvideAndRegisterDocumentSetRequestType request) {
        var ids = new HashSet<String>();
        for (var document : request.getDocument()) {
            if (!ids.add(document.getId())) {
                throw new XdsRuntimeException(ErrorCode.MISSING_DOCUMENT_METADATA,
                        "more than one document has id " + document.getId() + ": each document needs its own"
                                + " DocumentEntry", Severity.ERROR, document.getId());
            }
        }
        var ebXml = new EbXMLProvideAndRegisterDocumentSetRequest30(request);
        ProvideAndRegisterDocumentSetRequestValidator.getInstance().validate(ebXml, XDS.Interactions.ITI_41);
        var contents = ebXml.getDocuments();
        var documents = new ArrayList<ProvidedDocument>();
        for (var entry : ebXml.getExtrinsicObjects(DocumentEntryType.STABLE.getUuid())) {
            documents.add(new ProvidedDocument(entry, contents.get(entry.getId())));
        }
        return documents;
    }
}
