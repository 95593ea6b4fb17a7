// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import net.imagingexchange.dicom.VR;

/** The command elements of group 0000 (PS3.7 E.1), which PS3.6 does not list; commands are implicit VR. */
public final class CommandDictionary {

    private CommandDictionary() {
    }

    /** The VR of a command element, UN when unknown. */
    public static VR vrOf(int tag) {
        return switch (tag) {
            case 0x00000000 -> VR.UL;                                   // Command Group Length
            case 0x00000002, 0x00000003, 0x00001000, 0x00001001 -> VR.UI; // Affected / Requested SOP Class, Instance
            case 0x00000100, 0x00000110, 0x00000120, 0x00000700, 0x00000800, 0x00000900, 0x00001020, 0x00001021,
                 0x00001022, 0x00001023, 0x00001031 -> VR.US;          // fields, IDs, priority, status, counters
            case 0x00000600, 0x00001030 -> VR.AE;                       // Move Destination, Move Originator AE
            case 0x00000901 -> VR.AT;                                   // Offending Element
            case 0x00000902 -> VR.LO;                                   // Error Comment
            case 0x00000903 -> VR.US;                                   // Error ID
            case 0x00001005 -> VR.AT;                                   // Attribute Identifier List
            case 0x00001008 -> VR.US;                                   // Action Type ID
            case 0x00001002 -> VR.US;                                   // Event Type ID
            default -> VR.UN;
        };
    }
}
