// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

/**
 * A synthetic CT study written as Part 10 files (explicit VR little endian), like a hospital PACS would send: small
 * images with a deterministic pattern, the patient, accession and study attributes an XDS-I.b manifest needs.
 *
 * @param studyInstanceUid the study; series are {@code <study>.<n>} and instances {@code <study>.<n>.<i>}.
 * @param patientId        local Patient ID.
 * @param issuer           Issuer of Patient ID (0010,0021); empty leaves it out.
 * @param regionalId       the regional ID put in Other Patient IDs Sequence under {@code regionalIssuer}; empty
 *                         leaves the sequence out.
 * @param regionalIssuer   the affinity domain's OID, as Universal Entity ID of the item's issuer qualifiers.
 * @param accessionNumber  (0008,0050).
 * @param series           how many series.
 * @param instancesPerSeries how many instances in each.
 * @param size             rows and columns of each image (16 bits).
 */
public record SyntheticStudy(String studyInstanceUid, String patientId, String issuer, String regionalId,
                             String regionalIssuer, String accessionNumber, int series, int instancesPerSeries,
                             int size) {

    /** The IHE test affinity domain of demo-region.yaml. */
    public static final String AFFINITY_DOMAIN = "1.3.6.1.4.1.21367.2005.13.20.1000";

    /** A study of one patient known in the region: {@code series} x {@code instances} images of 64 x 64. */
    public static SyntheticStudy of(String studyInstanceUid, int series, int instancesPerSeries) {
        return new SyntheticStudy(studyInstanceUid, "PER-" + Math.abs(studyInstanceUid.hashCode() % 100000),
                "PERONNE", "IDR" + Math.abs(studyInstanceUid.hashCode() % 100000), AFFINITY_DOMAIN,
                "ACC" + Math.abs(studyInstanceUid.hashCode() % 100000), series, instancesPerSeries, 64);
    }

    public String seriesUid(int series) {
        return studyInstanceUid + "." + series;
    }

    public String instanceUid(int series, int instance) {
        return studyInstanceUid + "." + series + "." + instance;
    }

    /** The regional patient ID as CX, {@code id^^^&oid&ISO}. */
    public String regionalCx() {
        return regionalId + "^^^&" + regionalIssuer + "&ISO";
    }

    /** Writes every instance into {@code directory} and returns the files, series by series. */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        var files = new ArrayList<Path>();
        for (int s = 1; s <= series; s++) {
            for (int i = 1; i <= instancesPerSeries; i++) {
                Path file = directory.resolve(instanceUid(s, i) + ".dcm");
                try (OutputStream out = Files.newOutputStream(file)) {
                    DicomWriter.writeFile(out, dataset(s, i), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                }
                files.add(file);
            }
        }
        return files;
    }

    /** One instance's data set. */
    public Attributes dataset(int seriesNumber, int instanceNumber) {
        var d = new Attributes();
        d.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        d.setString(Tag.SOP_INSTANCE_UID, VR.UI, instanceUid(seriesNumber, instanceNumber));
        d.setString(Tag.STUDY_DATE, VR.DA, "20261127");
        d.setString(Tag.STUDY_TIME, VR.TM, "023015");
        d.setString(Tag.ACCESSION_NUMBER, VR.SH, accessionNumber);
        d.setString(Tag.MODALITY, VR.CS, "CT");
        d.setString(Tag.MANUFACTURER, VR.LO, "Synthetic");
        d.setString(Tag.INSTITUTION_NAME, VR.LO, "Centre hospitalier de Péronne");
        d.setString(Tag.REFERRING_PHYSICIAN_NAME, VR.PN, "Urgences^Médecin");
        d.setString(Tag.STUDY_DESCRIPTION, VR.LO, "CT THORAX");
        d.setString(Tag.SERIES_DESCRIPTION, VR.LO, "Series " + seriesNumber);
        d.setString(Tag.PATIENT_NAME, VR.PN, "Lefèvre^Zoé");
        d.setString(Tag.PATIENT_ID, VR.LO, patientId);
        if (!issuer.isEmpty()) {
            d.setString(Tag.ISSUER_OF_PATIENT_ID, VR.LO, issuer);
        }
        d.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, "19610412");
        d.setString(Tag.PATIENT_SEX, VR.CS, "F");
        if (!regionalId.isEmpty()) {
            var other = d.newSequence(Tag.OTHER_PATIENT_IDS_SEQUENCE).addItem();
            other.setString(Tag.PATIENT_ID, VR.LO, regionalId);
            var qualifiers = other.newSequence(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE).addItem();
            qualifiers.setString(Tag.UNIVERSAL_ENTITY_ID, VR.UT, regionalIssuer);
            qualifiers.setString(Tag.UNIVERSAL_ENTITY_ID_TYPE, VR.CS, "ISO");
        }
        d.setString(Tag.BODY_PART_EXAMINED, VR.CS, "CHEST");
        d.setString(Tag.STUDY_INSTANCE_UID, VR.UI, studyInstanceUid);
        d.setString(Tag.SERIES_INSTANCE_UID, VR.UI, seriesUid(seriesNumber));
        d.setString(Tag.STUDY_ID, VR.SH, "1");
        d.setString(Tag.SERIES_NUMBER, VR.IS, Integer.toString(seriesNumber));
        d.setString(Tag.INSTANCE_NUMBER, VR.IS, Integer.toString(instanceNumber));
        d.setInt(Tag.SAMPLES_PER_PIXEL, VR.US, 1);
        d.setString(Tag.PHOTOMETRIC_INTERPRETATION, VR.CS, "MONOCHROME2");
        d.setInt(Tag.ROWS, VR.US, size);
        d.setInt(Tag.COLUMNS, VR.US, size);
        d.setInt(Tag.BITS_ALLOCATED, VR.US, 16);
        d.setInt(Tag.BITS_STORED, VR.US, 12);
        d.setInt(Tag.of(0x0028, 0x0102), VR.US, 11); // High Bit
        d.setInt(Tag.PIXEL_REPRESENTATION, VR.US, 0);
        byte[] pixels = new byte[size * size * 2];
        for (int p = 0; p < size * size; p++) {
            int value = (p + instanceNumber * 31 + seriesNumber * 7) & 0x0FFF;
            pixels[2 * p] = (byte) value;
            pixels[2 * p + 1] = (byte) (value >>> 8);
        }
        d.setBytes(Tag.PIXEL_DATA, VR.OW, pixels);
        return d;
    }
}
