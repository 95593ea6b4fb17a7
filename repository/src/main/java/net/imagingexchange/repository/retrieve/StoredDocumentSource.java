// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataSource;

import net.imagingexchange.repository.index.IndexedDocument;
import net.imagingexchange.repository.storage.DocumentStore;

/**
 * A stored document as an MTOM attachment: the bytes are opened only when the SOAP stack writes the part, and
 * streamed from storage straight into the response.
 */
final class StoredDocumentSource implements DataSource {

    private final DocumentStore store;
    private final IndexedDocument document;

    StoredDocumentSource(DocumentStore store, IndexedDocument document) {
        this.store = store;
        this.document = document;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return store.open(document.content());
    }

    @Override
    public OutputStream getOutputStream() {
        throw new UnsupportedOperationException("stored documents are read-only");
    }

    @Override
    public String getContentType() {
        return document.mimeType();
    }

    @Override
    public String getName() {
        return document.documentUniqueId();
    }
}
