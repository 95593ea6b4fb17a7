// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/**
 * A DICOM coded concept (PS3.3 8.8, Basic Code Sequence macro): Code Value, Coding Scheme Designator, Code Meaning.
 *
 * @param value   (0008,0100).
 * @param scheme  (0008,0102), a designator such as {@code DCM} or {@code SCT} (PS3.16 8).
 * @param meaning (0008,0104).
 */
public record DicomCode(String value, String scheme, String meaning) {

    public DicomCode {
        requireNonNull(value, "value");
        requireNonNull(scheme, "scheme");
        requireNonNull(meaning, "meaning");
    }

    /** Writes the three attributes into a Code Sequence item. */
    void writeTo(Attributes item) {
        item.setString(Tag.CODE_VALUE, VR.SH, value);
        item.setString(Tag.CODING_SCHEME_DESIGNATOR, VR.SH, scheme);
        item.setString(Tag.CODE_MEANING, VR.LO, meaning);
    }
}
