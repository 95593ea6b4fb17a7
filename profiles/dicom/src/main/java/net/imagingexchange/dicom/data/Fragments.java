// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 A.4): the Basic Offset Table item, then one item per fragment, each held as
 * {@code byte[]} or {@link BulkData}, passed through untouched whatever the compression.
 */
public final class Fragments {

    private final List<Object> items = new ArrayList<>();

    /** Adds the next item: the offset table first (possibly empty), then the fragments. */
    public void add(Object item) {
        if (!(item instanceof byte[]) && !(item instanceof BulkData)) {
            throw new IllegalArgumentException("a fragment is byte[] or BulkData");
        }
        items.add(item);
    }

    public List<Object> items() {
        return items;
    }
}
