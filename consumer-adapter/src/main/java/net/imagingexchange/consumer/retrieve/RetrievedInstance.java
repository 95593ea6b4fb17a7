// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.retrieve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomReader;

/**
 * One instance on its way from an imaging source: its Part 10 bytes as they arrive, with the SOP Instance UID and
 * Transfer Syntax UID read from its File Meta Information (PS3.10 7.1) without buffering more than that.
 *
 * @param sopInstanceUid Media Storage SOP Instance UID, or null when the part is not a readable Part 10 object.
 * @param transferSyntaxUid its transfer syntax, or null likewise.
 * @param body           the whole object, from its preamble.
 */
public record RetrievedInstance(String sopInstanceUid, String transferSyntaxUid, InputStream body) {

    /** The File Meta Information is small (PS3.10 7.1); this much is looked at before the rest streams. */
    private static final int HEAD = 16 * 1024;

    /** Reads the head of a Part 10 stream to name the instance; the body still yields every byte. */
    public static RetrievedInstance of(InputStream part) throws IOException {
        byte[] head = part.readNBytes(HEAD);
        InputStream body = new PrefixedStream(head, part);
        try {
            Attributes meta = DicomReader.readFileMeta(new ByteArrayInputStream(head));
            return new RetrievedInstance(meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID),
                    meta.getString(Tag.TRANSFER_SYNTAX_UID), body);
        } catch (IOException e) {
            return new RetrievedInstance(null, null, body);
        }
    }
}
