// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.repository.storage;

import java.io.IOException;

/** A document passed the configured maximum size; nothing of it was kept. */
public class DocumentTooLargeException extends IOException {

    public DocumentTooLargeException(long maxBytes) {
        super("document larger than the limit of " + maxBytes + " bytes");
    }
}
