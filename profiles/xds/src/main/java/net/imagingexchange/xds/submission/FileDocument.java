// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.xds.submission;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.activation.DataSource;

/**
 * A document's file as the content of an MTOM attachment: every {@link #getInputStream()} opens the file anew and
 * streams it, so nothing is held in memory and a resent request sends the same bytes. The caller closes each stream.
 */
public record FileDocument(Path file, String mimeType) implements DataSource {

    @Override
    public InputStream getInputStream() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("a submitted document's file is read only");
    }

    @Override
    public String getContentType() {
        return mimeType;
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }
}
