// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.util.regex.Pattern;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Sequence;

/**
 * Where a value is in a data set, as the BulkDataURIs of {@link InstanceMetadata} name it: the tags (8 hex digits)
 * of the sequences holding it and the item indices (from 0), slash-separated, then its own tag, e.g.
 * {@code 7FE00010} or {@code 00400275/0/00321060}.
 */
final class BulkDataPath {

    private static final Pattern PATH = Pattern.compile("[0-9A-Fa-f]{8}(/[0-9]{1,6}/[0-9A-Fa-f]{8})*");

    private BulkDataPath() {
    }

    /** The element at {@code path}: a malformed path is a 400, one that names nothing a 404. */
    static Element locate(Attributes dataset, String path) {
        if (!PATH.matcher(path).matches()) {
            throw DicomWebException.badRequest("bulk data path \"" + path + "\" is not tag[/item/tag...] with tags"
                    + " of 8 hex digits and item indices from 0");
        }
        String[] steps = path.split("/");
        Attributes at = dataset;
        for (int i = 0; i < steps.length - 1; i += 2) {
            Sequence sequence = at.getSequence(Integer.parseUnsignedInt(steps[i], 16));
            int item = Integer.parseInt(steps[i + 1]);
            if (sequence == null || item >= sequence.items().size()) {
                throw notFound(path);
            }
            at = sequence.items().get(item);
        }
        Element element = at.get(Integer.parseUnsignedInt(steps[steps.length - 1], 16));
        if (element == null || element.value() instanceof Sequence) {
            throw notFound(path);
        }
        return element;
    }

    private static DicomWebException notFound(String path) {
        String[] steps = path.split("/");
        return DicomWebException.notFound("the instance has no value at " + path + " ("
                + Tag.toString(Integer.parseUnsignedInt(steps[steps.length - 1], 16)) + ")");
    }
}
