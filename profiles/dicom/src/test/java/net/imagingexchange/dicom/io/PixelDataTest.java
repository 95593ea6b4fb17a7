// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.testing.Dcmtk;

/**
 * Pixel data: large values stay in their file and are copied from it when written; encapsulated (compressed)
 * pixel data is passed through fragment for fragment, so that dcmtk decompresses our copy to the same pixels.
 */
class PixelDataTest {

    @TempDir
    Path dir;

    @Test
    void leavesLargeValuesInTheFileAndCopiesThemWhenWriting() throws Exception {
        Path original = image(256, 256);

        var read = DicomReader.read(original, DicomReader.Options.DEFAULT);

        var pixels = (BulkData) read.dataset().get(Tag.PIXEL_DATA).value();
        assertThat(pixels.length()).isEqualTo(256 * 256 * 2);
        assertThat(pixels.offset() + pixels.length()).isEqualTo(Files.size(original));
        Path copy = write(read.dataset(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "copy.dcm");
        assertThat(Dcmtk.datasetDump(copy)).isEqualTo(Dcmtk.datasetDump(original));
    }

    @Test
    void passesJpegFragmentsThroughUntouched() throws Exception {
        Path jpeg = dir.resolve("jpeg.dcm");
        Dcmtk.run("dcmcjpeg", "-q", "+eb", image(128, 96).toString(), jpeg.toString());

        var read = DicomReader.read(jpeg, DicomReader.Options.DEFAULT);

        assertThat(read.transferSyntax().encapsulated()).isTrue();
        var fragments = (Fragments) read.dataset().get(Tag.PIXEL_DATA).value();
        assertThat(fragments.items()).hasSizeGreaterThanOrEqualTo(2); // offset table, then the frame
        Path copy = write(read.dataset(), read.transferSyntax(), "jpeg-copy.dcm");
        assertThat(Dcmtk.datasetDump(copy)).isEqualTo(Dcmtk.datasetDump(jpeg));
        Path decodedOriginal = dir.resolve("decoded-original.dcm");
        Path decodedCopy = dir.resolve("decoded-copy.dcm");
        Dcmtk.run("dcmdjpeg", "-q", jpeg.toString(), decodedOriginal.toString());
        Dcmtk.run("dcmdjpeg", "-q", copy.toString(), decodedCopy.toString());
        assertThat(Dcmtk.datasetDump(decodedCopy)).isEqualTo(Dcmtk.datasetDump(decodedOriginal));
    }

    @Test
    void stopsBeforePixelDataWhenReadingTheHeaderOnly() throws Exception {
        var read = DicomReader.read(image(64, 64), DicomReader.Options.DEFAULT.headerOnly());

        assertThat(read.dataset().contains(Tag.PIXEL_DATA)).isFalse();
        assertThat(read.dataset().getInt(Tag.of(0x0028, 0x0010), -1)).isEqualTo(64);
    }

    /** An uncompressed 8-bit monochrome secondary capture image written by us. */
    private Path image(int rows, int columns) throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.7." + rows + "." + columns);
        dataset.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.9");
        dataset.setString(Tag.SERIES_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.9.1");
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "OT");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Pixel^Test");
        dataset.setInt(Tag.of(0x0028, 0x0002), VR.US, 1);
        dataset.setString(Tag.of(0x0028, 0x0004), VR.CS, "MONOCHROME2");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, rows);
        dataset.setInt(Tag.of(0x0028, 0x0011), VR.US, columns);
        dataset.setInt(Tag.of(0x0028, 0x0100), VR.US, 16);
        dataset.setInt(Tag.of(0x0028, 0x0101), VR.US, 8);
        dataset.setInt(Tag.of(0x0028, 0x0102), VR.US, 7);
        dataset.setInt(Tag.of(0x0028, 0x0103), VR.US, 0);
        byte[] pixels = new byte[rows * columns * 2];
        for (int i = 0; i < rows * columns; i++) {
            pixels[2 * i] = (byte) ((i % columns + i / columns) & 0xFF); // a gradient JPEG compresses well
        }
        dataset.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return write(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, "image-" + rows + "x" + columns + ".dcm");
    }

    private Path write(Attributes dataset, TransferSyntax syntax, String name) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, dataset, syntax);
        }
        return file;
    }
}
