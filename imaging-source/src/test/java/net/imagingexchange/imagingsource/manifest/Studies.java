// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import java.util.ArrayList;
import java.util.List;

import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.SeriesRecord;
import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.imagingsource.index.StudySnapshot;

/** Study snapshots as the index gives them, built by hand for manifest tests. */
final class Studies {

    static final String CT_IMAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4";
    static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";
    static final String TWELVE_LEAD_ECG = "1.2.840.10008.5.1.4.1.1.9.1.1";
    static final String STUDY_UID = "1.2.826.0.1.3680043.10.1011.1";
    static final String AFFINITY_DOMAIN = "1.3.6.1.4.1.21367.2005.13.20.1000";
    static final String LOCAL_ISSUER = "1.3.6.1.4.1.21367.2005.13.20.1000.4.9";

    private Studies() {
    }

    /** One series description: modality, body part and how many instances of which SOP class. */
    record Series(String modality, String bodyPart, String sopClassUid, int instances) {
    }

    /** The patient of the Péronne emergency CT, with the site's issuer given as a name. */
    static StudyRecord.Patient patient() {
        return new StudyRecord.Patient("PER-4711", "PERONNE", "Lefèvre^Zoé^Marie^Mme^", "19610412", "F",
                List.of(new StudyRecord.OtherId("IDR4711", AFFINITY_DOMAIN)));
    }

    static StudyRecord study(StudyRecord.Patient patient, String timezoneOffset) {
        return new StudyRecord(STUDY_UID, patient, "20261127", "023015.250", "ACC-2026-0042",
                "1.3.6.1.4.1.21367.2005.13.20.1000.4.7", "CT THORAX", "Urgences^Médecin", "1",
                "Centre hospitalier de Péronne", timezoneOffset, 3, 0);
    }

    /** A study of the given series, named {@code <study>.<n>} and {@code <study>.<n>.<i>}. */
    static StudySnapshot snapshot(StudyRecord study, Series... series) {
        var seriesRecords = new ArrayList<SeriesRecord>();
        var instances = new ArrayList<InstanceRecord>();
        for (int s = 1; s <= series.length; s++) {
            Series one = series[s - 1];
            String seriesUid = study.studyInstanceUid() + "." + s;
            seriesRecords.add(new SeriesRecord(seriesUid, study.studyInstanceUid(), one.modality(),
                    Integer.toString(s), "Series " + s, one.bodyPart()));
            for (int i = 1; i <= one.instances(); i++) {
                String uid = seriesUid + "." + i;
                instances.add(new InstanceRecord(uid, seriesUid, study.studyInstanceUid(), one.sopClassUid(),
                        "1.2.840.10008.1.2.1", Integer.toString(i), 1, study.studyInstanceUid() + "/" + uid + ".dcm",
                        1024, "00", 0));
            }
        }
        return new StudySnapshot(study, List.copyOf(seriesRecords), List.copyOf(instances));
    }

    /** A CT and an MR series of the same patient, chest and abdomen. */
    static StudySnapshot ctAndMr() {
        return snapshot(study(patient(), "+0100"), new Series("CT", "CHEST", CT_IMAGE, 3),
                new Series("MR", "ABDOMEN", MR_IMAGE, 2));
    }
}
