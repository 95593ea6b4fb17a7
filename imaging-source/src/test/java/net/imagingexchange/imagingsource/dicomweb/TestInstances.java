// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** Instances the synthetic CT study does not have: several frames, encapsulated pixel data, large values. */
final class TestInstances {

    static final String MULTI_FRAME_SC = "1.2.840.10008.5.1.4.1.1.7.3"; // Multi-frame Grayscale Word SC
    static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

    private TestInstances() {
    }

    /** Frame {@code k} (from 1) of {@link #multiFrame}: 8 x 8 pixels of 16 bits. */
    static byte[] frame(int k) {
        byte[] frame = new byte[8 * 8 * 2];
        for (int p = 0; p < 64; p++) {
            frame[2 * p] = (byte) (p + 17 * k);
            frame[2 * p + 1] = (byte) k;
        }
        return frame;
    }

    /** A native multi-frame instance of {@code frames} frames, the k-th being {@link #frame}(k). */
    static Attributes multiFrame(SyntheticStudy study, String sopInstanceUid, int frames) {
        Attributes d = study.dataset(1, 90);
        d.setString(Tag.SOP_CLASS_UID, VR.UI, MULTI_FRAME_SC);
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, sopInstanceUid);
        d.setString(Tag.NUMBER_OF_FRAMES, VR.IS, Integer.toString(frames));
        d.setInt(Tag.ROWS, VR.US, 8);
        d.setInt(Tag.COLUMNS, VR.US, 8);
        var pixels = new ByteArrayOutputStream();
        for (int k = 1; k <= frames; k++) {
            pixels.writeBytes(frame(k));
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels.toByteArray());
        return d;
    }

    /** An instance whose pixel data is the given fragments, labelled JPEG Baseline (passed through, not decoded). */
    static Attributes encapsulated(SyntheticStudy study, String sopInstanceUid, int frames, List<byte[]> pieces) {
        Attributes d = multiFrame(study, sopInstanceUid, frames);
        d.setInt(Tag.BITS_ALLOCATED, VR.US, 8);
        d.setInt(Tag.BITS_STORED, VR.US, 8);
        d.setInt(Tag.of(0x0028, 0x0102), VR.US, 7);
        var fragments = new Fragments();
        fragments.add(new byte[0]); // empty Basic Offset Table
        pieces.forEach(fragments::add);
        d.put(new Element(Tag.PIXEL_DATA, VR.OB, fragments));
        return d;
    }

    /** A fragment of {@code length} bytes (even), all {@code value}. */
    static byte[] fragment(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    static byte[] part10(Attributes dataset, String transferSyntaxUid) throws IOException {
        var out = new ByteArrayOutputStream();
        DicomWriter.writeFile(out, dataset, TransferSyntax.of(transferSyntaxUid));
        return out.toByteArray();
    }

    static byte[] part10(Attributes dataset) throws IOException {
        return part10(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
    }

    /** The pixel data bytes of a data set holding them in memory. */
    static byte[] pixelData(Attributes dataset) {
        return (byte[]) dataset.get(Tag.PIXEL_DATA).value();
    }
}
