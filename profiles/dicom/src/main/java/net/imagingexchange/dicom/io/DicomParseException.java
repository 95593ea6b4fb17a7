// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import java.io.IOException;

/** Bytes that are not a well-formed DICOM encoding; says where. */
public class DicomParseException extends IOException {

    private final long position;

    public DicomParseException(String message, long position) {
        super(message + " at byte " + position);
        this.position = position;
    }

    /** Offset in the (decoded) stream where the problem was found. */
    public long position() {
        return position;
    }
}
