// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

/**
 * What a put stored.
 *
 * @param key  where the bytes are.
 * @param sha1 the XDS hash of the bytes (ITI TF-3 4.2.3.2.10), lowercase hex.
 * @param size the number of bytes (ITI TF-3 4.2.3.2.21).
 */
public record StoredContent(ContentKey key, String sha1, long size) {
}
