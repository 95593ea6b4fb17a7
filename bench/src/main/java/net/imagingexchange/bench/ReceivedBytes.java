// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.bench;

import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The bytes of one retrieved document, counted and discarded as they arrive; hashed with SHA-1 too when the
 * retrieval is a checked one (outside the timed work), so the timed work only counts.
 */
final class ReceivedBytes implements MultipartStream.Sink {

    private final MessageDigest sha1;
    private long count;

    ReceivedBytes(boolean hashed) {
        this.sha1 = hashed ? SourceDocument.digest("SHA-1") : null;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        count += length;
        if (sha1 != null) {
            sha1.update(bytes, offset, length);
        }
    }

    long count() {
        return count;
    }

    /** Fails unless these are all the bytes of {@code document}, and, when hashed, the same bytes. */
    void check(SourceDocument document, String how) {
        if (count != document.size()) {
            throw new IllegalStateException(how + " gave " + count + " bytes of " + document.uniqueId() + ", expected "
                    + document.size());
        }
        if (sha1 != null) {
            String actual = HexFormat.of().formatHex(sha1.digest());
            if (!actual.equals(document.sha1())) {
                throw new IllegalStateException(how + " gave other bytes for " + document.uniqueId() + ": SHA-1 "
                        + actual + ", expected " + document.sha1());
            }
        }
    }
}
