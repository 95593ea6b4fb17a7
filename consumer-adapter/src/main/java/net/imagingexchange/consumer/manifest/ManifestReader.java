// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Sequence;
import net.imagingexchange.dicom.io.DicomParseException;
import net.imagingexchange.dicom.io.DicomReader;

/**
 * Reads a KOS manifest (PS3.3 A.35.4) into a {@link StudyManifest}: the instances a consumer may retrieve are those of
 * the Current Requested Procedure Evidence Sequence (0040,A375), grouped by series (spec/xdsi.md 3.5).
 */
public final class ManifestReader {

    /** Key Object Selection Document Storage. */
    public static final String KOS_SOP_CLASS = Uids.KEY_OBJECT_SELECTION_DOCUMENT_STORAGE;

    private ManifestReader() {
    }

    /**
     * @throws InvalidManifestException the file is not a KOS, names more than one study, or lacks a UID it needs.
     */
    public static StudyManifest read(Path kos) throws IOException, InvalidManifestException {
        Attributes manifest;
        try {
            manifest = DicomReader.read(kos, DicomReader.Options.DEFAULT).dataset();
        } catch (DicomParseException e) {
            throw new InvalidManifestException("not a DICOM object: " + e.getMessage());
        }
        if (!KOS_SOP_CLASS.equals(manifest.getString(Tag.SOP_CLASS_UID))) {
            throw new InvalidManifestException("SOP Class " + manifest.getString(Tag.SOP_CLASS_UID)
                    + " is not Key Object Selection Document");
        }
        String studyUid = required(manifest, Tag.STUDY_INSTANCE_UID, "Study Instance UID");
        var patient = new StudyManifest.Patient(text(manifest, Tag.PATIENT_NAME), text(manifest, Tag.PATIENT_ID),
                text(manifest, Tag.ISSUER_OF_PATIENT_ID), text(manifest, Tag.PATIENT_BIRTH_DATE),
                text(manifest, Tag.PATIENT_SEX));
        var study = new StudyManifest.Study(studyUid, text(manifest, Tag.STUDY_DATE), text(manifest, Tag.STUDY_TIME),
                text(manifest, Tag.ACCESSION_NUMBER), text(manifest, Tag.STUDY_ID),
                text(manifest, Tag.STUDY_DESCRIPTION), text(manifest, Tag.REFERRING_PHYSICIAN_NAME));
        List<StudyManifest.SeriesReference> series = new ArrayList<>();
        for (Attributes studyItem : items(manifest.getSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE))) {
            if (!studyUid.equals(studyItem.getString(Tag.STUDY_INSTANCE_UID))) {
                // spec/xdsi.md 7.1 IDS-14: one manifest per study
                throw new InvalidManifestException("evidence of study " + studyItem.getString(Tag.STUDY_INSTANCE_UID)
                        + " in the manifest of study " + studyUid);
            }
            for (Attributes seriesItem : items(studyItem.getSequence(Tag.REFERENCED_SERIES_SEQUENCE))) {
                List<StudyManifest.InstanceReference> instances = new ArrayList<>();
                for (Attributes sop : items(seriesItem.getSequence(Tag.REFERENCED_SOP_SEQUENCE))) {
                    instances.add(new StudyManifest.InstanceReference(
                            required(sop, Tag.REFERENCED_SOP_CLASS_UID, "Referenced SOP Class UID"),
                            required(sop, Tag.REFERENCED_SOP_INSTANCE_UID, "Referenced SOP Instance UID")));
                }
                series.add(new StudyManifest.SeriesReference(
                        required(seriesItem, Tag.SERIES_INSTANCE_UID, "Series Instance UID"),
                        text(seriesItem, Tag.RETRIEVE_AE_TITLE), text(seriesItem, Tag.RETRIEVE_LOCATION_UID),
                        text(seriesItem, Tag.RETRIEVE_URL), instances));
            }
        }
        return new StudyManifest(required(manifest, Tag.SOP_INSTANCE_UID, "SOP Instance UID"), patient, study, series);
    }

    private static List<Attributes> items(Sequence sequence) {
        return sequence == null ? List.of() : sequence.items();
    }

    private static String text(Attributes attributes, int tag) {
        String value = attributes.getString(tag);
        return value == null ? "" : value.strip();
    }

    private static String required(Attributes attributes, int tag, String name) throws InvalidManifestException {
        String value = text(attributes, tag);
        if (value.isEmpty()) {
            throw new InvalidManifestException("the manifest has no " + name);
        }
        return value;
    }

    /** The document is not a manifest this consumer can follow. */
    public static final class InvalidManifestException extends Exception {
        public InvalidManifestException(String message) {
            super(message);
        }
    }
}
