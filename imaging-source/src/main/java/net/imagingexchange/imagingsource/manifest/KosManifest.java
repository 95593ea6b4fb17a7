// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.util.UUID;

import net.imagingexchange.dicom.DicomTime;
import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.Uids;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.imagingsource.index.StudySnapshot;

/**
 * The XDS-I.b manifest of a study: a Key Object Selection Document (PS3.3 A.35.4) following TID 2010 with the title
 * (113030, DCM, "Manifest"), that references every instance of the study with the series-level Retrieve AE Title,
 * Retrieve Location UID and WADO-RS Retrieve URL of this Imaging Document Source (RAD TF-2 4.68.4.1.2.1.1). It lives
 * in the referenced study, in a new series of modality KO, and carries the patient and study attributes of the
 * images unchanged (spec/xdsi.md 2.5). Built from the index alone: no instance is read.
 */
public final class KosManifest {

    /** Key Object Selection Document Storage (PS3.4 B.5). */
    public static final String SOP_CLASS_UID = Uids.KEY_OBJECT_SELECTION_DOCUMENT_STORAGE;
    /** PS3.16 CID 7010: the document title of an XDS-I.b manifest. */
    public static final DicomCode TITLE = new DicomCode("113030", "DCM", "Manifest");
    /** PS3.16 TID 2010 Key Object Selection, from the DICOM Content Mapping Resource. */
    public static final String TEMPLATE_ID = "2010";
    public static final String MAPPING_RESOURCE = "DCMR";
    /** UTF-8 (PS3.3 C.12.1.1.2): names in the region are not all ASCII. */
    public static final String CHARACTER_SET = "ISO_IR 192";

    // PS3.6 tags our dictionary constants do not name
    private static final int TYPE_OF_PATIENT_ID = 0x00100022;
    private static final int LOCAL_NAMESPACE_ENTITY_ID = 0x00400031;
    private static final int REFERENCED_STUDY_SEQUENCE = 0x00081110;
    private static final int MAPPING_RESOURCE_UID = 0x00080118;
    private static final String DCMR_UID = "1.2.840.10008.8.1.1";

    private final ManifestSettings settings;

    public KosManifest(ManifestSettings settings) {
        this.settings = requireNonNull(settings, "settings");
    }

    /**
     * The manifest of {@code study} as a data set.
     *
     * @throws IllegalArgumentException when the study has no instance, or when {@code identity} reuses the UID of a
     *                                  referenced instance or series (RAD TF-2 4.68.4.1.2.3.2: the manifest is new).
     */
    public Attributes build(StudySnapshot study, ManifestIdentity identity) {
        if (study.instances().isEmpty()) {
            throw new IllegalArgumentException("a manifest references at least one instance (PS3.16 TID 2010 row 8)");
        }
        StudyRecord record = study.study();
        var kos = new Attributes();
        kos.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, CHARACTER_SET); // first: later text is encoded with it
        sopCommon(kos, record, identity);
        patient(kos, record.patient());
        generalStudy(kos, record);
        series(kos, identity);
        kos.setString(Tag.MANUFACTURER, VR.LO, settings.manufacturer());
        kos.setString(Tag.INSTITUTION_NAME, VR.LO, settings.institutionName());
        keyObjectDocument(kos, record, identity);
        new KosEvidence(settings).write(kos, study, identity);
        return kos;
    }

    /**
     * Writes a manifest as a Part 10 file in explicit VR little endian. The file appears complete or not at all: it is
     * written to a temporary file beside {@code file}, forced to disk, then renamed over {@code file}.
     */
    public static void write(Attributes kos, Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024)) {
                DicomWriter.writeFile(out, kos, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                out.flush();
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true); // the rename itself
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    // PS3.3 C.12.1 SOP Common; Instance Creation Date/Time feed DocumentEntry.creationTime (RAD TF-2 4.68.4.1.2.3.2)
    private static void sopCommon(Attributes kos, StudyRecord study, ManifestIdentity identity) {
        kos.setString(Tag.SOP_CLASS_UID, VR.UI, SOP_CLASS_UID);
        kos.setString(Tag.SOP_INSTANCE_UID, VR.UI, identity.sopInstanceUid());
        ZonedDateTime created = localCreationTime(study, identity);
        kos.setString(Tag.INSTANCE_CREATION_DATE, VR.DA, DicomTime.date(created));
        kos.setString(Tag.INSTANCE_CREATION_TIME, VR.TM, DicomTime.time(created));
        if (DicomTime.parseOffset(study.timezoneOffset()).isPresent()) {
            kos.setString(Tag.TIMEZONE_OFFSET_FROM_UTC, VR.SH, study.timezoneOffset().strip());
        }
    }

    // PS3.3 C.7.1.1 Patient: as the images name the patient; the regional ID belongs to the XDS metadata only
    private static void patient(Attributes kos, StudyRecord.Patient patient) {
        kos.setString(Tag.PATIENT_NAME, VR.PN, patient.name());
        kos.setString(Tag.PATIENT_ID, VR.LO, patient.patientId());
        issuerOfPatientId(kos, patient.issuer());
        kos.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, patient.birthDate());
        kos.setString(Tag.PATIENT_SEX, VR.CS, patient.sex());
        if (!patient.otherIds().isEmpty()) {
            var others = kos.newSequence(Tag.OTHER_PATIENT_IDS_SEQUENCE);
            for (StudyRecord.OtherId other : patient.otherIds()) {
                var item = others.addItem();
                item.setString(Tag.PATIENT_ID, VR.LO, other.patientId());
                issuerOfPatientId(item, other.issuer());
                item.setString(TYPE_OF_PATIENT_ID, VR.CS, "TEXT");
            }
        }
    }

    // PS3.3 Table 10-18 Issuer of Patient ID macro: the name, and the OID in the qualifiers when it is one
    private static void issuerOfPatientId(Attributes target, String issuer) {
        if (issuer.isEmpty()) {
            return;
        }
        target.setString(Tag.ISSUER_OF_PATIENT_ID, VR.LO, issuer);
        if (Uids.isOid(issuer)) {
            var qualifiers = target.newSequence(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE).addItem();
            qualifiers.setString(Tag.UNIVERSAL_ENTITY_ID, VR.UT, issuer);
            qualifiers.setString(Tag.UNIVERSAL_ENTITY_ID_TYPE, VR.CS, Cx.ISO);
        }
    }

    // PS3.3 C.7.2.1 General Study: the manifest belongs to the study it references (spec/xdsi.md 2.5)
    private static void generalStudy(Attributes kos, StudyRecord study) {
        kos.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study.studyInstanceUid());
        kos.setString(Tag.STUDY_DATE, VR.DA, study.studyDate());
        kos.setString(Tag.STUDY_TIME, VR.TM, study.studyTime());
        kos.setString(Tag.REFERRING_PHYSICIAN_NAME, VR.PN, study.referringPhysicianName());
        kos.setString(Tag.STUDY_ID, VR.SH, study.studyId());
        kos.setString(Tag.ACCESSION_NUMBER, VR.SH, study.accessionNumber());
        issuerOfAccessionNumber(kos, study.accessionIssuer());
        if (!study.studyDescription().isEmpty()) {
            kos.setString(Tag.STUDY_DESCRIPTION, VR.LO, study.studyDescription());
        }
    }

    // PS3.3 Table 10-17 HL7v2 Hierarchic Designator macro
    private static void issuerOfAccessionNumber(Attributes target, String issuer) {
        if (issuer.isEmpty()) {
            return;
        }
        var item = target.newSequence(Tag.ISSUER_OF_ACCESSION_NUMBER_SEQUENCE).addItem();
        if (Uids.isOid(issuer)) {
            item.setString(Tag.UNIVERSAL_ENTITY_ID, VR.UT, issuer);
            item.setString(Tag.UNIVERSAL_ENTITY_ID_TYPE, VR.CS, Cx.ISO);
        } else {
            item.setString(LOCAL_NAMESPACE_ENTITY_ID, VR.UT, issuer);
        }
    }

    // PS3.3 C.17.6.1 Key Object Document Series: a new series of modality KO
    private void series(Attributes kos, ManifestIdentity identity) {
        kos.setString(Tag.MODALITY, VR.CS, "KO");
        kos.setString(Tag.SERIES_INSTANCE_UID, VR.UI, identity.seriesInstanceUid());
        kos.setString(Tag.SERIES_NUMBER, VR.IS, Integer.toString(settings.seriesNumber()));
        kos.newSequence(Tag.REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE); // type 2: no MPPS is known
    }

    // PS3.3 C.17.6.2 Key Object Document, C.17.3 SR Document Content: the TID 2010 root container
    private static void keyObjectDocument(Attributes kos, StudyRecord study, ManifestIdentity identity) {
        kos.setString(Tag.INSTANCE_NUMBER, VR.IS, "1");
        ZonedDateTime created = localCreationTime(study, identity);
        kos.setString(Tag.CONTENT_DATE, VR.DA, DicomTime.date(created));
        kos.setString(Tag.CONTENT_TIME, VR.TM, DicomTime.time(created));
        if (!study.accessionNumber().isEmpty()) {
            referencedRequest(kos, study);
        }
        kos.setString(Tag.VALUE_TYPE, VR.CS, "CONTAINER");
        TITLE.writeTo(kos.newSequence(Tag.CONCEPT_NAME_CODE_SEQUENCE).addItem());
        kos.setString(Tag.CONTINUITY_OF_CONTENT, VR.CS, "SEPARATE");
        var template = kos.newSequence(Tag.CONTENT_TEMPLATE_SEQUENCE).addItem();
        template.setString(Tag.MAPPING_RESOURCE, VR.CS, MAPPING_RESOURCE);
        template.setString(MAPPING_RESOURCE_UID, VR.UI, DCMR_UID);
        template.setString(Tag.TEMPLATE_IDENTIFIER, VR.CS, TEMPLATE_ID);
    }

    // PS3.3 C.17.6.2 Referenced Request Sequence: the requested procedure this study fulfils; type 2 values we do not
    // know stay empty
    private static void referencedRequest(Attributes kos, StudyRecord study) {
        var request = kos.newSequence(Tag.REFERENCED_REQUEST_SEQUENCE).addItem();
        request.setString(Tag.STUDY_INSTANCE_UID, VR.UI, study.studyInstanceUid());
        request.newSequence(REFERENCED_STUDY_SEQUENCE);
        request.setString(Tag.ACCESSION_NUMBER, VR.SH, study.accessionNumber());
        issuerOfAccessionNumber(request, study.accessionIssuer());
        request.setString(Tag.PLACER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST, VR.LO, "");
        request.setString(Tag.FILLER_ORDER_NUMBER_IMAGING_SERVICE_REQUEST, VR.LO, "");
        request.setString(Tag.REQUESTED_PROCEDURE_ID, VR.SH, "");
        request.setString(Tag.REQUESTED_PROCEDURE_DESCRIPTION, VR.LO, "");
        request.newSequence(Tag.REQUESTED_PROCEDURE_CODE_SEQUENCE);
    }

    // the study's own offset when it names one (PS3.3 C.12.1.1.8 then applies to every date and time of the KOS)
    private static ZonedDateTime localCreationTime(StudyRecord study, ManifestIdentity identity) {
        return DicomTime.parseOffset(study.timezoneOffset())
                .map(offset -> identity.created().withZoneSameInstant(offset))
                .orElse(identity.created());
    }
}
