// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.activation.DataSource;

/**
 * A manifest's Part 10 file as the content of an MTOM attachment: every {@link #getInputStream()} opens the file anew
 * and streams it, so nothing is held in memory and a resent request sends the same bytes. The caller closes each
 * stream it gets.
 */
final class KosDataSource implements DataSource {

    private final Path file;

    KosDataSource(Path file) {
        this.file = file;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return Files.newInputStream(file);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        throw new IOException("a manifest's file is read only");
    }

    @Override
    public String getContentType() {
        return ManifestMetadata.MIME_TYPE;
    }

    @Override
    public String getName() {
        return file.getFileName().toString();
    }
}
