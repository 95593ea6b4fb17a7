// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.index;

import java.util.List;

/** A study, its series and its instances at one content revision ({@link StudyIndex#snapshot}). */
public record StudySnapshot(StudyRecord study, List<SeriesRecord> series, List<InstanceRecord> instances) {
}
