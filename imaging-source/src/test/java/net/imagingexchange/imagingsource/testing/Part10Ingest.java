// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.imagingsource.ingest.InstanceIngest;

/** Tests take a Part 10 file in as STOW-RS does: its File Meta Information names the instance, the data set follows. */
public final class Part10Ingest {

    private Part10Ingest() {
    }

    public static InstanceIngest.Ingested file(InstanceIngest ingest, InputStream part10)
            throws IOException, StoreStatusException {
        var in = new BufferedInputStream(part10, 64 * 1024);
        Attributes meta = InstanceIngest.fileMeta(in, "the file");
        return ingest.ingest(meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), meta.getString(Tag.TRANSFER_SYNTAX_UID), in);
    }
}
