// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.util.List;

import net.imagingexchange.dicom.io.TransferSyntax;

/** The transfer syntaxes asked of RAD-69 for what a WADO-RS client accepts (PS3.18 8.7.3.5, RAD TF-3 4.69.4.1.2). */
public final class TransferSyntaxes {

    /**
     * Every syntax a source may hold, so that "as stored" ({@code *}) is also what RAD-69 returns: the native
     * ones, then the usual compressed ones (PS3.5 A.4).
     */
    public static final List<String> AS_STORED = List.of(
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid(),
            TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid(),
            "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.70",
            "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.5");

    private TransferSyntaxes() {
    }

    /** @param requested the Accept's transfer-syntax parameter; null when absent. */
    public static List<String> forRad69(String requested) {
        if (requested == null || requested.equals("*")) {
            return AS_STORED;
        }
        return List.of(requested);
    }
}
