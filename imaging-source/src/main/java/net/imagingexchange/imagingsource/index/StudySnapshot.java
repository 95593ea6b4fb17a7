// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import java.util.List;

/** A study, its series and its instances at one content revision ({@link StudyIndex#snapshot}). */
public record StudySnapshot(StudyRecord study, List<SeriesRecord> series, List<InstanceRecord> instances) {

    /** The instances of one series, in the snapshot's order. */
    public List<InstanceRecord> instancesOf(SeriesRecord one) {
        return instances.stream().filter(i -> i.seriesInstanceUid().equals(one.seriesInstanceUid())).toList();
    }
}
