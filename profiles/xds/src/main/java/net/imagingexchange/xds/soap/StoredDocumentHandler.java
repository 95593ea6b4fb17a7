// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.soap;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;

/**
 * A stored document as an MTOM attachment (ITI-43, RAD-69): the bytes are opened only when the SOAP stack writes
 * the part, and streamed from storage straight into the response, never held in memory. CXF writes a part with
 * {@link #writeTo}, which here copies in large blocks: the activation framework's 8 KiB blocks would cost one HTTP
 * chunk and one pass through every stream layer each.
 */
public final class StoredDocumentHandler extends DataHandler {

    private static final int BLOCK = 256 * 1024;

    /** Opens the stored bytes; called once per write, the caller closes the stream. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    /**
     * @param name        the document's name in the part (its uniqueId).
     * @param contentType the part's MIME type, e.g. {@code application/dicom}.
     * @param content     opens the bytes when the part is written.
     */
    public StoredDocumentHandler(String name, String contentType, Content content) {
        super(new Source(name, contentType, content));
    }

    /** A document stored as a file, read from its start to its end. */
    public static StoredDocumentHandler of(Path file, String name, String contentType) {
        return new StoredDocumentHandler(name, contentType, () -> Files.newInputStream(file));
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

    private record Source(String name, String contentType, Content content) implements DataSource {

        @Override
        public InputStream getInputStream() throws IOException {
            return content.open();
        }

        @Override
        public OutputStream getOutputStream() {
            throw new UnsupportedOperationException("stored documents are read-only");
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getName() {
            return name;
        }
    }
}
