// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

/**
 * The outcome a DIMSE response carries (PS3.7 9.1.1.1, C.4): its Status (0000,0900) and, for a failure or warning,
 * its Error Comment (0000,0902).
 *
 * @param errorComment null when the response has none.
 */
public record DimseStatus(int status, String errorComment) {

    /** PS3.7 C.1.1: Success; Warnings are 0001 and Bxxx. */
    public boolean success() {
        return status == StoreHandler.SUCCESS;
    }

    /** The status in hex as DICOM writes it, with the comment when there is one: {@code 0xA900 (Error Comment)}. */
    @Override
    public String toString() {
        return String.format("0x%04X", status) + (errorComment == null ? "" : " (" + errorComment + ")");
    }
}
