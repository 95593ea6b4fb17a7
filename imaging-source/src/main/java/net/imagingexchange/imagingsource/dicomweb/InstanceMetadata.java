// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;
import net.imagingexchange.dicom.io.DicomFile;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.web.DicomJsonWriter;
import net.imagingexchange.imagingsource.index.InstanceRecord;

/**
 * The metadata of instances (PS3.18 10.4.3.3.2, F.2): each data set read from its stored file, values above
 * {@link #BULK_DATA_THRESHOLD} left in the file, and written as DICOM JSON with a BulkDataURI for each of them and
 * for Pixel Data (PS3.18 F.2.6), which point to this instance's bulkdata resource (PS3.18 10.4.1.1.5).
 */
final class InstanceMetadata {

    /** Values longer than this are not in the metadata but behind a BulkDataURI. */
    static final long BULK_DATA_THRESHOLD = 1024;

    /** The path of the top-level Pixel Data (7FE0,0010), always behind a BulkDataURI. */
    static final String PIXEL_DATA_PATH = "7FE00010";

    private InstanceMetadata() {
    }

    /**
     * Reads a stored instance: the whole data set with values above the threshold left in the file. A deflated
     * file has no such offsets (PS3.5 A.5), so it is read up to Pixel Data only.
     */
    static DicomFile read(Path file, InstanceRecord instance) throws IOException {
        boolean deflated = TransferSyntax.of(instance.transferSyntaxUid()).deflated();
        return DicomReader.read(file, new DicomReader.Options(deflated, BULK_DATA_THRESHOLD, 128));
    }

    /**
     * Writes the JSON array of the instances' metadata.
     *
     * @param files        the stored file of each instance.
     * @param bulkDataRoot the URL of an instance's bulkdata resource, to which the element path is appended.
     */
    static void write(List<InstanceRecord> instances, Function<InstanceRecord, Path> files,
                      Function<InstanceRecord, String> bulkDataRoot, OutputStream out) throws IOException {
        var root = new String[1]; // the bulkdata resource of the instance being written
        var json = new DicomJsonWriter(out, (path, element) -> uri(root[0], path, element));
        json.beginArray();
        for (InstanceRecord instance : instances) {
            DicomFile file = read(files.apply(instance), instance);
            root[0] = bulkDataRoot.apply(instance);
            json.write(file.dataset());
        }
        json.endArray();
    }

    private static String uri(String root, String path, Element element) {
        boolean bulk = element.value() instanceof BulkData || element.value() instanceof Fragments
                || path.equals(PIXEL_DATA_PATH);
        return bulk ? root + "/" + path : null;
    }
}
