// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Re-encodes a Part 10 file in Explicit VR Little Endian, the transfer syntax every DICOMweb origin server must be
 * able to send (PS3.18 8.7.3) and RAD-69 consumers list first. Only Implicit VR Little Endian is taken: the values
 * are the same bytes, each element only gains its VR from the dictionary (UN when unknown), so large values
 * stream from the file as they are and nothing is held in memory.
 */
public final class Transcoder {

    private Transcoder() {
    }

    /** Whether {@link #toExplicitVrLittleEndian} can re-encode a file stored in {@code transferSyntaxUid}. */
    public static boolean canMakeExplicit(String transferSyntaxUid) {
        return TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid().equals(transferSyntaxUid);
    }

    /** Writes {@code part10} (Implicit VR Little Endian) to {@code out} as a Part 10 file in Explicit VR LE. */
    public static void toExplicitVrLittleEndian(Path part10, OutputStream out) throws IOException {
        DicomFile file = DicomReader.read(part10, DicomReader.Options.DEFAULT);
        if (!canMakeExplicit(file.transferSyntax().uid())) {
            throw new IllegalArgumentException(part10.getFileName() + " is in " + file.transferSyntax().uid()
                    + ", not Implicit VR Little Endian");
        }
        DicomWriter.writeFile(out, file.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
    }
}
