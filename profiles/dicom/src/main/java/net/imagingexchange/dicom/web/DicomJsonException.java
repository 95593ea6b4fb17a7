// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import java.io.IOException;

/** JSON text that is malformed, or not a DICOM JSON Model (PS3.18 F.2); says where. */
public class DicomJsonException extends IOException {

    private final int line;
    private final int column;

    public DicomJsonException(String message, int line, int column) {
        super(message + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
    }

    /** The line of the problem, from 1. */
    public int line() {
        return line;
    }

    /** The column of the problem in its line, from 1, counted in UTF-16 chars. */
    public int column() {
        return column;
    }
}
