// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.IOException;

/** A multipart body (RFC 2046 5.1) that is malformed or truncated; says where. */
public class MultipartException extends IOException {

    private final long position;

    public MultipartException(String message, long position) {
        super(message + " at byte " + position);
        this.position = position;
    }

    /** Offset in the multipart stream where the problem was found. */
    public long position() {
        return position;
    }
}
