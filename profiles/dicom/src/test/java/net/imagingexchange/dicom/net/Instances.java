// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.testing.Dcmtk;

/** Test instances: a small secondary capture image converted by dcmtk, and the bytes of a file's data set. */
final class Instances {

    private Instances() {
    }

    /** A secondary capture instance written by dcmtk in the given transfer syntax ({@code jpeg}: JPEG baseline). */
    static Path write(Path dir, String syntax, String sopInstanceUid) throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        dataset.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.7");
        dataset.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.7.1");
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "OT");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Store^Test");
        dataset.setInt(Tag.of(0x0028, 0x0002), VR.US, 1);
        dataset.setString(Tag.of(0x0028, 0x0004), VR.CS, "MONOCHROME2");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 64);
        dataset.setInt(Tag.of(0x0028, 0x0011), VR.US, 64);
        dataset.setInt(Tag.of(0x0028, 0x0100), VR.US, 16);
        dataset.setInt(Tag.of(0x0028, 0x0101), VR.US, 8);
        dataset.setInt(Tag.of(0x0028, 0x0102), VR.US, 7);
        dataset.setInt(Tag.of(0x0028, 0x0103), VR.US, 0);
        byte[] pixels = new byte[64 * 64 * 2];
        for (int i = 0; i < 64 * 64; i++) {
            pixels[2 * i] = (byte) i;
        }
        dataset.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        Path ours = dir.resolve(sopInstanceUid + "-ours.dcm");
        try (OutputStream out = Files.newOutputStream(ours)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Path converted = dir.resolve(sopInstanceUid + ".dcm");
        if (syntax.equals("jpeg")) {
            Dcmtk.run("dcmcjpeg", "-q", "+eb", ours.toString(), converted.toString());
        } else {
            Dcmtk.run("dcmconv", "-q", syntax, ours.toString(), converted.toString());
        }
        return converted;
    }


}
