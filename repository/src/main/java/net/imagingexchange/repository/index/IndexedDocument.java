// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.index;

import net.imagingexchange.repository.storage.ContentKey;

/**
 * A document the repository holds.
 *
 * @param documentUniqueId the DocumentEntry uniqueId (ITI TF-3 4.2.3.2.26).
 * @param content          where its bytes are.
 * @param mimeType         as registered, returned unchanged by ITI-43 (ITI TF-2 3.43.4.2.3).
 * @param size             in bytes.
 * @param sha1             the XDS hash, lowercase hex.
 */
public record IndexedDocument(String documentUniqueId, ContentKey content, String mimeType, long size, String sha1) {
}
