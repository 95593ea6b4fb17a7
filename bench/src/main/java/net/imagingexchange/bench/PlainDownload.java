// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The limit's client: a plain HTTP GET of a document's stored file from {@link PlainFileServer}, with the same
 * client and read size as ours, counted and discarded (hashed with SHA-1 when checked).
 */
final class PlainDownload {

    private final URI base;

    /** @param base the file server's root, e.g. {@code http://127.0.0.1:PORT/}. */
    PlainDownload(URI base) {
        this.base = base;
    }

    /** Downloads one document; returns its bytes received. */
    long download(SourceDocument document, boolean hashed) {
        URI uri = base.resolve(document.sha256());
        try (var answer = BlockingHttp.get(uri)) {
            if (answer.status() != 200) {
                throw new IllegalStateException("plain download of " + document.uniqueId() + ": HTTP "
                        + answer.status());
            }
            var received = new ReceivedBytes(hashed);
            byte[] buffer = new byte[Iti43Client.BUFFER];
            for (int n = answer.body().read(buffer); n >= 0; n = answer.body().read(buffer)) {
                received.write(buffer, 0, n);
            }
            received.check(document, "the plain download");
            return received.count();
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        }
    }
}
