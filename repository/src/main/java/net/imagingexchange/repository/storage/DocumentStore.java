// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where the repository keeps document bytes (DESIGN.md 6). Content-addressed: a document is stored under the
 * SHA-256 of its bytes, and its XDS hash (SHA-1, ITI TF-3 4.2.3.2.10) and size are computed in the same single
 * pass. Implementations: the file system ({@link FileDocumentStore}); an S3-compatible object store later.
 * Thread-safe.
 */
public interface DocumentStore {

    /**
     * Streams {@code content} into the store without holding it in memory. The content is visible under its key
     * only once it is complete and durable; a failed or refused put leaves nothing behind.
     *
     * @param content  read to its end or until {@code maxBytes} is passed; the caller closes it.
     * @param maxBytes the largest accepted document; {@code -1} means unlimited.
     * @throws DocumentTooLargeException as soon as more than {@code maxBytes} bytes have been read.
     */
    StoredContent put(InputStream content, long maxBytes) throws IOException;

    /**
     * The bytes stored under {@code key}; the caller closes the stream.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under that key.
     */
    InputStream open(ContentKey key) throws IOException;

    /**
     * Removes what is stored under {@code key}. Identical documents share their bytes, so the caller removes only
     * content that no stored document still references.
     *
     * @return false when nothing was stored under that key.
     */
    boolean delete(ContentKey key) throws IOException;
}
