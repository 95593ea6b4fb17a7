// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.send;

import java.util.Locale;

/** C-STORE response statuses (PS3.7 C, PS3.4 B.2.3) as a sender reports them. */
final class DimseStatuses {

    private DimseStatuses() {
    }

    /** PS3.7 C: Success is 0000; Warning is 0001, Bxxx, 0107 and 0116; anything else not Pending is a Failure. */
    static boolean isSuccessOrWarning(int status) {
        return status == 0x0000 || status == 0x0001 || (status & 0xF000) == 0xB000 || status == 0x0107
                || status == 0x0116;
    }

    static String hex(int status) {
        return status < 0 ? "none" : String.format(Locale.ROOT, "0x%04X", status);
    }

    /** PS3.4 B.2.3 and PS3.7 C.4 names of a failure status. */
    static String meaning(int status) {
        if (status < 0) {
            return "no status in the response";
        }
        return switch (status & 0xFF00) {
            case 0xA700 -> "Refused: Out of Resources";
            case 0xA900 -> "Error: Data Set does not match SOP Class";
            case 0xC000, 0xC100, 0xC200, 0xC300, 0xC400, 0xC500, 0xC600, 0xC700, 0xC800, 0xC900, 0xCA00, 0xCB00,
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
}
