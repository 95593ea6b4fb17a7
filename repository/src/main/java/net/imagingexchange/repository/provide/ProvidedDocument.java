// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import jakarta.activation.DataHandler;

import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLExtrinsicObject;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;

/**
 * One document of an ITI-41 request with its DocumentEntry, paired by {@code xdsb:Document/@id} =
 * {@code rim:ExtrinsicObject/@id} (ITI TF-2 3.41.4.1.2).
 *
 * @param entry   the DocumentEntry, whose hash, size and repositoryUniqueId slots the repository sets.
 * @param content the bytes: an MTOM attachment (spooled to disk when large) or decoded inline base64.
 */
public record ProvidedDocument(EbXMLExtrinsicObject entry, DataHandler content) {

    public String entryId() {
        return entry.getId();
    }

    public String uniqueId() {
        return entry.getExternalIdentifierValue(Vocabulary.DOC_ENTRY_UNIQUE_ID_EXTERNAL_ID);
    }
}
