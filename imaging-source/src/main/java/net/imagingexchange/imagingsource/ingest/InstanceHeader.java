// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import java.util.ArrayList;
import java.util.List;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.SeriesRecord;
import net.imagingexchange.imagingsource.index.StudyRecord;

/** What the index keeps of a received instance, read from its data set's header. */
record InstanceHeader(StudyRecord study, SeriesRecord series, String sopClassUid, String sopInstanceUid,
                      String instanceNumber, int numberOfFrames) {

    static InstanceHeader of(Attributes dataset) {
        String studyUid = text(dataset, Tag.STUDY_INSTANCE_UID);
        var patient = new StudyRecord.Patient(text(dataset, Tag.PATIENT_ID), issuer(dataset),
                text(dataset, Tag.PATIENT_NAME), text(dataset, Tag.PATIENT_BIRTH_DATE), text(dataset, Tag.PATIENT_SEX),
                otherIds(dataset));
        var study = new StudyRecord(studyUid, patient, text(dataset, Tag.STUDY_DATE), text(dataset, Tag.STUDY_TIME),
                text(dataset, Tag.ACCESSION_NUMBER), universalEntityId(dataset.getSequence(
                        Tag.ISSUER_OF_ACCESSION_NUMBER_SEQUENCE)), text(dataset, Tag.STUDY_DESCRIPTION),
                text(dataset, Tag.REFERRING_PHYSICIAN_NAME), text(dataset, Tag.STUDY_ID),
                text(dataset, Tag.INSTITUTION_NAME), text(dataset, Tag.TIMEZONE_OFFSET_FROM_UTC), 0, 0);
        var series = new SeriesRecord(text(dataset, Tag.SERIES_INSTANCE_UID), studyUid, text(dataset, Tag.MODALITY),
                text(dataset, Tag.SERIES_NUMBER), text(dataset, Tag.SERIES_DESCRIPTION),
                text(dataset, Tag.BODY_PART_EXAMINED));
        int frames;
        try {
            frames = Math.max(1, dataset.getInt(Tag.NUMBER_OF_FRAMES, 1));
        } catch (NumberFormatException e) {
            frames = 1;
        }
        return new InstanceHeader(study, series, text(dataset, Tag.SOP_CLASS_UID),
                text(dataset, Tag.SOP_INSTANCE_UID), text(dataset, Tag.INSTANCE_NUMBER), frames);
    }

    InstanceRecord instance(String transferSyntaxUid, String fileName, long fileSize, String sha1) {
        return new InstanceRecord(sopInstanceUid, series.seriesInstanceUid(), study.studyInstanceUid(), sopClassUid,
                transferSyntaxUid, instanceNumber, numberOfFrames, fileName, fileSize, sha1, 0);
    }

    // Issuer of Patient ID (0010,0021), else the Universal Entity ID of its qualifiers (0010,0024)
    private static String issuer(Attributes dataset) {
        String issuer = text(dataset, Tag.ISSUER_OF_PATIENT_ID);
        return !issuer.isEmpty() ? issuer
                : universalEntityId(dataset.getSequence(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE));
    }

    private static String universalEntityId(Sequence sequence) {
        return sequence == null || sequence.items().isEmpty() ? ""
                : text(sequence.items().get(0), Tag.UNIVERSAL_ENTITY_ID);
    }

    private static List<StudyRecord.OtherId> otherIds(Attributes dataset) {
        Sequence others = dataset.getSequence(Tag.OTHER_PATIENT_IDS_SEQUENCE);
        var ids = new ArrayList<StudyRecord.OtherId>();
        if (others != null) {
            for (Attributes item : others.items()) {
                String id = text(item, Tag.PATIENT_ID);
                String issuer = issuer(item);
                if (!id.isEmpty() && !issuer.isEmpty()) {
                    ids.add(new StudyRecord.OtherId(id, issuer));
                }
            }
        }
        return List.copyOf(ids);
    }

    private static String text(Attributes dataset, int tag) {
        String value = dataset.getString(tag);
        return value == null ? "" : value.strip();
    }
}
