// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb;

import java.nio.file.Path;
import java.util.List;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyIndex;
import net.imagingexchange.imagingsource.storage.InstanceStore;

/**
 * The study, series and instance resources a DICOMweb or WADO-URI URL names (PS3.18 10.4.1.1), looked up in the
 * index: a UID that is not one is a 400, one not indexed (or under another study or series) a 404 naming it.
 */
final class StudyResources {

    private final StudyIndex index;
    private final InstanceStore store;

    StudyResources(StudyIndex index, InstanceStore store) {
        this.index = index;
        this.store = store;
    }

    /** The instances of a study, series by series. */
    List<InstanceRecord> ofStudy(String study) {
        checkUid("study", study);
        if (index.study(study).isEmpty()) {
            throw DicomWebException.notFound("study " + study + " is not held here");
        }
        return index.instancesOfStudy(study);
    }

    /** The instances of a series of a study. */
    List<InstanceRecord> ofSeries(String study, String series) {
        checkUid("study", study);
        checkUid("series", series);
        var known = index.series(series);
        if (known.isEmpty() || !known.get().studyInstanceUid().equals(study)) {
            throw DicomWebException.notFound("series " + series + " of study " + study + " is not held here");
        }
        return index.instancesOfSeries(series);
    }

    /** One instance of a series of a study. */
    InstanceRecord instance(String study, String series, String instance) {
        checkUid("study", study);
        checkUid("series", series);
        checkUid("instance", instance);
        var known = index.instance(instance);
        if (known.isEmpty() || !known.get().studyInstanceUid().equals(study)
                || !known.get().seriesInstanceUid().equals(series)) {
            throw DicomWebException.notFound("instance " + instance + " of series " + series + " of study " + study
                    + " is not held here");
        }
        return known.get();
    }

    /** The stored Part 10 file of an instance. */
    Path file(InstanceRecord instance) {
        return store.file(instance.fileName());
    }

    static void checkUid(String what, String uid) {
        if (!Uids.isUid(uid)) {
            throw DicomWebException.badRequest(what + " \"" + uid + "\" is not a UID (PS3.5 9.1)");
        }
    }
}
