// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom;

/**
 * Value Representations (PS3.5 6.2). In explicit VR encodings the VRs marked {@code longLength} have two reserved
 * bytes and a 4-byte length, all others a 2-byte length (PS3.5 7.1.2).
 */
public enum VR {
    AE(Kind.TEXT, false, ' '),
    AS(Kind.TEXT, false, ' '),
    AT(Kind.BINARY, false, '\0'),
    CS(Kind.TEXT, false, ' '),
    DA(Kind.TEXT, false, ' '),
    DS(Kind.TEXT, false, ' '),
    DT(Kind.TEXT, false, ' '),
    FD(Kind.BINARY, false, '\0'),
    FL(Kind.BINARY, false, '\0'),
    IS(Kind.TEXT, false, ' '),
    LO(Kind.TEXT, false, ' '),
    LT(Kind.TEXT, false, ' '),
    OB(Kind.BINARY, true, '\0'),
    OD(Kind.BINARY, true, '\0'),
    OF(Kind.BINARY, true, '\0'),
    OL(Kind.BINARY, true, '\0'),
    OV(Kind.BINARY, true, '\0'),
    OW(Kind.BINARY, true, '\0'),
    PN(Kind.TEXT, false, ' '),
    SH(Kind.TEXT, false, ' '),
    SL(Kind.BINARY, false, '\0'),
    SQ(Kind.SEQUENCE, true, '\0'),
    SS(Kind.BINARY, false, '\0'),
    ST(Kind.TEXT, false, ' '),
    SV(Kind.BINARY, true, '\0'),
    TM(Kind.TEXT, false, ' '),
    UC(Kind.TEXT, true, ' '),
    UI(Kind.TEXT, false, '\0'),
    UL(Kind.BINARY, false, '\0'),
    UN(Kind.BINARY, true, '\0'),
    UR(Kind.TEXT, true, ' '),
    US(Kind.BINARY, false, '\0'),
    UT(Kind.TEXT, true, ' '),
    UV(Kind.BINARY, true, '\0');

    /** How a value of this VR is held. */
    public enum Kind { TEXT, BINARY, SEQUENCE }

    private final Kind kind;
    private final boolean longLength;
    private final char padding;

    VR(Kind kind, boolean longLength, char padding) {
        this.kind = kind;
        this.longLength = longLength;
        this.padding = padding;
    }

    public Kind kind() {
        return kind;
    }

    /** Explicit VR: 2 reserved bytes and a 4-byte length instead of a 2-byte length. */
    public boolean longLength() {
        return longLength;
    }

    /** The byte that pads a value to even length: space for text, NUL for UI and binary (PS3.5 6.2). */
    public char padding() {
        return padding;
    }

    /** Text VRs whose value is one string (no backslash-separated multiplicity, PS3.5 6.4). */
    public boolean singleValuedText() {
        return this == LT || this == ST || this == UT || this == UR;
    }

    /** The VR written as two ASCII letters, or null when they name no VR. */
    public static VR of(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        try {
            return valueOf(new String(new char[] {(char) b0, (char) b1}));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
