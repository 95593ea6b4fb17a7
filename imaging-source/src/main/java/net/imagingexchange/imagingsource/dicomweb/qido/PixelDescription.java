// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;

/**
 * Rows, Columns, Bits Allocated and Number of Frames of an instance (PS3.18 Table 10.6.3-5), which the index does
 * not keep: read from its Part 10 file's header, which stops before Pixel Data. An instance without them (an SR)
 * has Rows, Columns and Bits Allocated empty, as a C-FIND SCP returns a required key it has no value for, and no
 * Number of Frames (Type C).
 *
 * @param rows           (0028,0010), or -1.
 * @param columns        (0028,0011), or -1.
 * @param bitsAllocated  (0028,0100), or -1.
 * @param numberOfFrames (0028,0008) as encoded, or empty.
 */
record PixelDescription(int rows, int columns, int bitsAllocated, String numberOfFrames) {

    private static final Logger LOG = LoggerFactory.getLogger(PixelDescription.class);

    /** A description with no value. */
    static final PixelDescription UNKNOWN = new PixelDescription(-1, -1, -1, "");

    /** The description in {@code file}; {@link #UNKNOWN}, with a warning, when the file cannot be read. */
    static PixelDescription read(Path file) {
        try {
            Attributes header = DicomReader.read(file, DicomReader.Options.DEFAULT.headerOnly()).dataset();
            String frames = header.getString(Tag.NUMBER_OF_FRAMES);
            return new PixelDescription(header.getInt(Tag.ROWS, -1), header.getInt(Tag.COLUMNS, -1),
                    header.getInt(Tag.BITS_ALLOCATED, -1), frames == null ? "" : frames);
        } catch (IOException | RuntimeException e) {
            // the index names a file the store cannot give: an operator should look (DESIGN.md 6); UIDs at DEBUG
            LOG.warn("cannot read the header of an indexed instance's file: {}", e.getClass().getSimpleName());
            LOG.debug("cannot read {}", file, e);
            return UNKNOWN;
        }
    }

    /** Puts those of the four that {@code returned} asks for. */
    void addTo(Attributes result, Set<QidoAttribute> returned) {
        put(result, returned, QidoAttribute.ROWS, rows);
        put(result, returned, QidoAttribute.COLUMNS, columns);
        put(result, returned, QidoAttribute.BITS_ALLOCATED, bitsAllocated);
        if (returned.contains(QidoAttribute.NUMBER_OF_FRAMES) && !numberOfFrames.isEmpty()) {
            result.setString(Tag.NUMBER_OF_FRAMES, VR.IS, numberOfFrames);
        }
    }

    private static void put(Attributes result, Set<QidoAttribute> returned, QidoAttribute attribute, int value) {
        if (!returned.contains(attribute)) {
            return;
        }
        if (value >= 0) {
            result.setInt(attribute.tag(), VR.US, value);
        } else {
            result.setBytes(attribute.tag(), VR.US, new byte[0]);
        }
    }
}
