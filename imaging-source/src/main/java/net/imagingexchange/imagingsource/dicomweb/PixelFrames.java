// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.io.DicomFile;

/**
 * The frames of an instance's Pixel Data (PS3.18 10.4.1.1.6), each as the file ranges or bytes it is made of,
 * never read: native pixel data cut into frames of Rows x Columns x Samples per Pixel x Bits Allocated (PS3.5
 * 8.2), encapsulated pixel data taken fragment by fragment (PS3.5 A.4) where a frame is one fragment, or all of
 * them for a single frame.
 *
 * @param transferSyntaxUid the encoding of the frames' bytes: Explicit VR Little Endian for native pixel data,
 *                          the stored transfer syntax for encapsulated.
 * @param frames            frame n (from 1) is item n - 1: its byte[] and {@link BulkData} pieces in order.
 */
record PixelFrames(String transferSyntaxUid, List<List<Object>> frames) {

    PixelFrames {
        frames = List.copyOf(frames);
    }

    /** The frames of a stored instance read by {@link InstanceMetadata#read}; 404 or 406 when there are none. */
    static PixelFrames of(DicomFile file, int numberOfFrames) {
        Element pixelData = file.dataset().get(Tag.PIXEL_DATA);
        if (pixelData == null) {
            throw DicomWebException.notFound("the instance has no Pixel Data (7FE0,0010) in its top-level data set"
                    + (file.transferSyntax().deflated() ? " that can be addressed in its deflated file" : "")
                    + ", so no frames");
        }
        if (pixelData.value() instanceof Fragments fragments) {
            return encapsulated(file, fragments, numberOfFrames);
        }
        return uncompressed(file, pixelData.value(), numberOfFrames);
    }

    private static PixelFrames encapsulated(DicomFile file, Fragments fragments, int numberOfFrames) {
        List<Object> pieces = fragments.items().subList(1, fragments.items().size()); // after the offset table
        var frames = new ArrayList<List<Object>>();
        if (numberOfFrames == 1) {
            frames.add(pieces); // PS3.5 A.4: a single frame may span every fragment
        } else if (pieces.size() == numberOfFrames) {
            pieces.forEach(piece -> frames.add(List.of(piece)));
        } else {
            throw DicomWebException.notAcceptable("the instance's " + numberOfFrames + " frames are encapsulated in "
                    + pieces.size() + " fragments (" + file.transferSyntax().uid() + "); frames are served only where"
                    + " each is one fragment, and this origin server does not decode or re-cut them");
        }
        return new PixelFrames(file.transferSyntax().uid(), frames);
    }

    private static PixelFrames uncompressed(DicomFile file, Object value, int numberOfFrames) {
        Attributes dataset = file.dataset();
        int bitsAllocated = dataset.getInt(Tag.BITS_ALLOCATED, 0);
        long bitsPerFrame = (long) dataset.getInt(Tag.ROWS, 0) * dataset.getInt(Tag.COLUMNS, 0)
                * dataset.getInt(Tag.SAMPLES_PER_PIXEL, 1) * bitsAllocated;
        if (bitsPerFrame == 0) {
            throw DicomWebException.notFound("the instance's Rows, Columns or Bits Allocated are missing or zero,"
                    + " so its Pixel Data has no frames");
        }
        if (file.transferSyntax().bigEndian() && bitsAllocated > 8) {
            throw DicomWebException.notAcceptable("the instance is stored in retired Explicit VR Big Endian;"
                    + " frames are served little endian and this origin server does not convert them");
        }
        if (bitsPerFrame % 8 != 0) {
            throw DicomWebException.notAcceptable("frames of " + bitsPerFrame + " bits do not start on a byte"
                    + " boundary (Bits Allocated " + bitsAllocated + "); this origin server does not re-pack them");
        }
        long frameLength = bitsPerFrame / 8;
        long length = value instanceof byte[] bytes ? bytes.length : ((BulkData) value).length();
        if (length < frameLength * numberOfFrames) {
            throw DicomWebException.notFound("the instance's Pixel Data holds " + length + " bytes, fewer than its "
                    + numberOfFrames + " frames of " + frameLength + " bytes");
        }
        var frames = new ArrayList<List<Object>>();
        for (int k = 0; k < numberOfFrames; k++) {
            long start = k * frameLength;
            frames.add(List.of(value instanceof byte[] bytes
                    ? Arrays.copyOfRange(bytes, (int) start, (int) (start + frameLength))
                    : new BulkData(((BulkData) value).file(), ((BulkData) value).offset() + start, frameLength)));
        }
        return new PixelFrames(Negotiation.EXPLICIT_VR_LITTLE_ENDIAN, frames);
    }
}
