// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.util.Locale;

/**
 * The outcome a DIMSE response carries (PS3.7 9.1.1.1, C.4): its Status (0000,0900) and, for a failure or warning,
 * its Error Comment (0000,0902). The classification and names of statuses, as a sender reports them, are here once.
 *
 * @param errorComment null when the response has none.
 */
public record DimseStatus(int status, String errorComment) {

    /** PS3.7 C.1.1: Success (0000) only. */
    public boolean success() {
        return status == StoreHandler.SUCCESS;
    }

    /** PS3.7 C: Success, or a Warning (0001, Bxxx, 0107, 0116): the instance was stored. */
    public boolean successOrWarning() {
        return status == StoreHandler.SUCCESS || status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107
                || status == 0x0116;
    }

    /** {@code 0xA900}, as DICOM writes a status. */
    public String hex() {
        return hex(status);
    }

    /** {@code 0xA900}; "none" for a negative value (no status). */
    public static String hex(int status) {
        return status < 0 ? "none" : String.format(Locale.ROOT, "0x%04X", status);
    }

    /** PS3.4 B.2.3 and PS3.7 C.4 names of a failure status. */
    public String meaning() {
        return meaning(status);
    }

    /** PS3.4 B.2.3 and PS3.7 C.4 names of a failure status; a negative value is no status at all. */
    public static String meaning(int status) {
        if (status < 0) {
            return "no status in the response";
        }
        return switch (status & 0xFF00) {
            case StoreHandler.OUT_OF_RESOURCES -> "Refused: Out of Resources";
            case StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS -> "Error: Data Set does not match SOP Class";
            case StoreHandler.CANNOT_UNDERSTAND, 0xC100, 0xC200, 0xC300, 0xC400, 0xC500, 0xC600, 0xC700, 0xC800, 0xC900, 0xCA00, 0xCB00,
                 0xCC00, 0xCD00, 0xCE00, 0xCF00 -> "Error: Cannot understand";
            default -> switch (status) {
                case 0x0110 -> "Processing failure";
                case 0x0111 -> "Duplicate SOP Instance";
                case 0x0117 -> "Invalid SOP Instance";
                case 0x0122 -> "Refused: SOP Class not supported";
                case 0x0124 -> "Refused: Not authorized";
                case 0x0211 -> "Unrecognized operation";
                case 0x0212 -> "Mistyped argument";
                case 0x0213 -> "Resource limitation";
                default -> "Failure";
            };
        };
    }

    /** The status in hex as DICOM writes it, with the comment when there is one: {@code 0xA900 (Error Comment)}. */
    @Override
    public String toString() {
        return hex() + (errorComment == null ? "" : " (" + errorComment + ")");
    }
}
