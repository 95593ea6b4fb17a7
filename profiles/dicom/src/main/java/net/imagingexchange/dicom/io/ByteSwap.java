// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import net.imagingexchange.dicom.VR;

/** Byte order of binary values read from explicit VR big endian (PS3.5 A.3), turned little endian in place. */
final class ByteSwap {

    private ByteSwap() {
    }

    static byte[] toLittleEndian(VR vr, byte[] bytes) {
        int width = switch (vr) {
            case US, SS, OW, AT -> 2;
            case UL, SL, FL, OF, OL -> 4;
            case FD, OD, SV, UV, OV -> 8;
            default -> 1;
        };
        for (int i = 0; i + width <= bytes.length; i += width) {
            for (int a = i, b = i + width - 1; a < b; a++, b--) {
                byte t = bytes[a];
                bytes[a] = bytes[b];
                bytes[b] = t;
            }
        }
        return bytes;
    }
}
