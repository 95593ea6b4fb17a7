// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

import net.imagingexchange.repository.index.IndexedDocument;
import net.imagingexchange.repository.storage.DocumentStore;

/**
 * A stored document as an MTOM attachment: the bytes are opened only when the SOAP stack writes the part, and
 * streamed from storage straight into the response. CXF writes a part with {@link #writeTo}, which here copies in
 * large blocks: the activation framework's 8 KiB blocks would cost one HTTP chunk and one pass through every
 * stream layer each.
 */
final class StoredDocumentHandler extends DataHandler {

    private static final int BLOCK = 256 * 1024;

    StoredDocumentHandler(DocumentStore store, IndexedDocument document) {
        super(new Source(store, document));
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        try (InputStream in = getInputStream()) {
            byte[] block = new byte[BLOCK];
            int n;
            while ((n = in.readNBytes(block, 0, BLOCK)) > 0) {
                out.write(block, 0, n);
            }
        }
    }

    private record Source(DocumentStore store, IndexedDocument document) implements DataSource {

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
}
