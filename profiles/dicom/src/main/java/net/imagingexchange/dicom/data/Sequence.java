// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.data;

import java.util.ArrayList;
import java.util.List;

/** The items of a sequence (SQ) element (PS3.5 7.5), each a data set inheriting its parent's character set. */
public final class Sequence {

    private final Attributes parent;
    private final List<Attributes> items = new ArrayList<>();

    Sequence(Attributes parent) {
        this.parent = parent;
    }

    /** Appends an empty item and returns it. */
    public Attributes addItem() {
        var item = new Attributes(parent);
        items.add(item);
        return item;
    }

    public List<Attributes> items() {
        return items;
    }
}
