// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.provide;

import org.openehealth.ipf.commons.ihe.xds.core.XdsRuntimeException;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.EbXMLExtrinsicObject;
import org.openehealth.ipf.commons.ihe.xds.core.ebxml.ebxml30.EbXMLExtrinsicObject30;
import org.openehealth.ipf.commons.ihe.xds.core.metadata.Vocabulary;
import org.openehealth.ipf.commons.ihe.xds.core.responses.ErrorCode;
import org.openehealth.ipf.commons.ihe.xds.core.responses.Severity;

import net.imagingexchange.repository.storage.StoredContent;

/**
 * The DocumentEntry slots the repository owns (ITI TF-2 3.41.4.1.3; TF-3 4.2.3.2.10, .21, .18): hash and size are
 * computed over the received octets; a value the source supplied must agree (the hash compared case-insensitively),
 * or the submission fails with XDSRepositoryMetadataError. The repositoryUniqueId is this repository's.
 */
final class DocumentMetadata {

    private DocumentMetadata() {
    }

    static void complete(ProvidedDocument document, StoredContent content, String repositoryUniqueId) {
        var entry = document.entry();
        String suppliedHash = entry.getSingleSlotValue(Vocabulary.SLOT_NAME_HASH);
        if (suppliedHash != null && !suppliedHash.strip().equalsIgnoreCase(content.sha1())) {
            throw metadataError("the hash slot of DocumentEntry " + document.entryId() + " is " + suppliedHash
                    + " but the document's SHA-1 is " + content.sha1(), document);
        }
        String suppliedSize = entry.getSingleSlotValue(Vocabulary.SLOT_NAME_SIZE);
        if (suppliedSize != null && !suppliedSize.strip().equals(Long.toString(content.size()))) {
            throw metadataError("the size slot of DocumentEntry " + document.entryId() + " is " + suppliedSize
                    + " but the document has " + content.size() + " bytes", document);
        }
        replaceSlot(entry, Vocabulary.SLOT_NAME_HASH, content.sha1());
        replaceSlot(entry, Vocabulary.SLOT_NAME_SIZE, Long.toString(content.size()));
        replaceSlot(entry, Vocabulary.SLOT_NAME_REPOSITORY_UNIQUE_ID, repositoryUniqueId);
    }

    private static void replaceSlot(EbXMLExtrinsicObject entry, String name, String value) {
        ((EbXMLExtrinsicObject30) entry).getInternal().getSlot().removeIf(slot -> name.equals(slot.getName()));
        entry.addSlot(name, value);
    }

    private static XdsRuntimeException metadataError(String message, ProvidedDocument document) {
        return new XdsRuntimeException(ErrorCode.REPOSITORY_METADATA_ERROR, message, Severity.ERROR,
                document.entryId());
    }
}
