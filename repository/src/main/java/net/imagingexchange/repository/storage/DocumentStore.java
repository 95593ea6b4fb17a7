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
     * Streams {@code content} to a durable temporary place without holding it in memory, computing its key, hash
     * and size on the way. Nothing is visible under the key until {@link StagedContent#publish()}; closing staged
     * content that was not published removes it.
     *
     * @param content  read to its end or until {@code maxBytes} is passed; the caller closes it.
     * @param maxBytes the largest accepted document; {@code -1} means unlimited.
     * @throws DocumentTooLargeException as soon as more than {@code maxBytes} bytes have been read.
     */
    StagedContent stage(InputStream content, long maxBytes) throws IOException;

    /** {@link #stage} and publish at once. */
    default StoredContent put(InputStream content, long maxBytes) throws IOException {
        try (StagedContent staged = stage(content, maxBytes)) {
            staged.publish();
            return staged.content();
        }
    }

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

    /** Content written in full and durable, waiting to be published under its key or discarded. */
    interface StagedContent extends java.io.Closeable {

        /** Its key, hash and size. */
        StoredContent content();

        /** Makes the content readable under its key; publishing bytes that are already stored changes nothing. */
        void publish() throws IOException;

        /** Discards the content unless it was published. */
        @Override
        void close() throws IOException;
    }
}
