// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The character set of a data set's text values, from Specific Character Set (0008,0005), PS3.3 C.12.1.1.2.
 * Supported: the default repertoire (ASCII, decoded as ISO 8859-1 so that stray bytes survive), ISO_IR 100
 * (Latin-1) and ISO_IR 192 (UTF-8); code extensions (ISO 2022) are not.
 */
public final class SpecificCharacterSet {

    private SpecificCharacterSet() {
    }

    /** The Java charset for a Specific Character Set value (its first value when multi-valued). */
    public static Charset charset(String specificCharacterSet) {
        if (specificCharacterSet == null) {
            return StandardCharsets.ISO_8859_1;
        }
        String first = specificCharacterSet.split("\\\\", -1)[0].strip().toUpperCase(Locale.ROOT);
        return switch (first) {
            case "ISO_IR 192" -> StandardCharsets.UTF_8;
            case "", "ISO_IR 6", "ISO 2022 IR 6", "ISO_IR 100", "ISO 2022 IR 100" -> StandardCharsets.ISO_8859_1;
            default -> throw new IllegalArgumentException("unsupported Specific Character Set " + first);
        };
    }
}
