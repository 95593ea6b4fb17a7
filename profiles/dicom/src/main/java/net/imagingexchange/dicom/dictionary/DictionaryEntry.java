// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import java.util.List;
import java.util.Objects;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;

/**
 * One row of the data dictionary (PS3.6 Section 6). A row stands for every tag {@code t} with
 * {@code (t & mask) == tag}: the mask is {@code 0xFFFFFFFF} for a single tag and has zero digits where PS3.6 writes
 * {@code x}, e.g. {@code (60xx,3000)} is tag {@code 0x60003000}, mask {@code 0xFF00FFFF} (repeating groups, PS3.5
 * 7.6).
 *
 * @param vrs     the VR alternatives in PS3.6 order (e.g. OB, OW); empty for the item and delimitation items
 *                (FFFE,E000/E00D/E0DD), which have no VR (PS3.5 7.5), and for the few retired rows PS3.6 leaves blank
 * @param vm      value multiplicity as PS3.6 writes it ({@code "1"}, {@code "2-2n"}, {@code "1-n or 1"}), or empty
 * @param keyword PS3.6 keyword, or empty when PS3.6 gives none
 */
public record DictionaryEntry(int tag, int mask, List<VR> vrs, String vm, String keyword, boolean retired) {

    public DictionaryEntry {
        vrs = List.copyOf(vrs);
        Objects.requireNonNull(vm, "vm");
        Objects.requireNonNull(keyword, "keyword");
        if ((tag & mask) != tag) {
            throw new IllegalArgumentException(Tag.toString(tag) + " has bits outside its mask " + hex(mask));
        }
    }

    /**
     * The VR to read a value with when the encoding does not carry one (Implicit VR Little Endian): OW when the
     * alternatives are OB or OW, as PS3.5 A.1 (c) has Pixel Data encoded as OW in that transfer syntax (the other
     * OB-or-OW elements, Overlay Data and Waveform Data among them, are taken alike); otherwise the first alternative
     * (US for US or SS, where in context Pixel Representation (0028,0103) tells the two apart, and for US or OW);
     * {@link VR#UN} when the entry has no VR.
     */
    public VR vr() {
        if (vrs.isEmpty()) {
            return VR.UN;
        }
        if (vrs.size() > 1 && vrs.contains(VR.OB) && vrs.contains(VR.OW)) {
            return VR.OW;
        }
        return vrs.get(0);
    }

    /** Whether this row describes {@code t}: the tag itself or one of its repeating group/element instances. */
    public boolean matches(int t) {
        return (t & mask) == tag;
    }

    /** Whether the row stands for a family of tags, such as {@code (60xx,3000)}. */
    public boolean repeating() {
        return mask != 0xFFFFFFFF;
    }

    private static String hex(int value) {
        return String.format("%08X", value);
    }
}
