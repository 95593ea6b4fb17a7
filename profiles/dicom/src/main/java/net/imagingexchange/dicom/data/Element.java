// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import net.imagingexchange.dicom.VR;

/**
 * One data element (PS3.5 7.1).
 *
 * @param tag   group and element.
 * @param vr    its value representation.
 * @param value {@code byte[]} (the value's bytes, little endian for binary VRs, text still encoded), a
 *              {@link Sequence}, {@link Fragments} (encapsulated pixel data) or {@link BulkData}.
 */
public record Element(int tag, VR vr, Object value) {

    public Element {
        if (!(value instanceof byte[]) && !(value instanceof Sequence) && !(value instanceof Fragments)
                && !(value instanceof BulkData)) {
            throw new IllegalArgumentException("unsupported value " + value);
        }
    }
}
