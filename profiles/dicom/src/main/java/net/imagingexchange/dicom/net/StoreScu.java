// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.io.DicomFile;
import net.imagingexchange.dicom.io.DicomParseException;
import net.imagingexchange.dicom.io.DicomReader;

/** Sends Part 10 files with C-STORE: the data set's bytes go as they are in the file, never re-encoded. */
public final class StoreScu {

    private StoreScu() {
    }

    /**
     * Sends one file on an association that accepted its SOP class in its transfer syntax.
     *
     * @return the C-STORE response's status and Error Comment.
     */
    public static DimseStatus send(RequestedAssociation association, Path file) throws IOException {
        DicomFile header = DicomReader.read(file, DicomReader.Options.DEFAULT.headerOnly());
        var meta = header.fileMeta();
        long start = datasetStart(file, meta.getInt(Tag.FILE_META_INFORMATION_GROUP_LENGTH, -1));
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(start);
            return association.store(meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                    meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), header.transferSyntax().uid(), in);
        }
    }

    // preamble, DICM, the (0002,0000) element of 12 bytes, then the group it measures (PS3.10 7.1)
    private static long datasetStart(Path file, int groupLength) throws IOException {
        if (groupLength < 0) {
            throw new DicomParseException("file meta information without its group length: " + file, 132);
        }
        return 132 + 12 + Integer.toUnsignedLong(groupLength);
    }
}
