// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.dicomweb.qido;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.sql.DataSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.imagingsource.ingest.InstanceIngest;
import net.imagingexchange.imagingsource.storage.InstanceStore;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.Part10Ingest;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/**
 * An imaging source's index and store holding three studies of two patients, taken in as STOW-RS parts are
 * ({@link net.imagingexchange.imagingsource.testing.Part10Ingest#file}) into an {@link IngestFixture}: H2, or a fresh database of a
 * real MariaDB server when the JVM runs with {@code -Dtest.database=mariadb} (docs/decisions/0004).
 * <pre>
 * patient PER-1001 Lefèvre^Zoé  A1 2026-01-10 08:30 ACC-A1  series 1 CT x2, series 2 CT x1, timezone +0100
 *                               A2 2026-06-15 14:15 ACC-A2  series 1 MR x3 (Number of Frames 1)
 * patient PER-2002 Martin^Paul  B1 2025-12-01 22:00 ACC-B1  series 1 CR x1, series 2 DX x1, no referring physician
 * </pre>
 */
final class QidoTestSource implements AutoCloseable {

    static final String PATIENT_A = "PER-1001";
    static final String PATIENT_B = "PER-2002";
    static final String A1 = "1.2.250.1.999.61.1";
    static final String A2 = "1.2.250.1.999.61.2";
    static final String B1 = "1.2.250.1.999.61.3";
    static final String CT = "1.2.840.10008.5.1.4.1.1.2";
    static final String MR = "1.2.840.10008.5.1.4.1.1.4";
    static final String CR = "1.2.840.10008.5.1.4.1.1.1";
    static final String DX = "1.2.840.10008.5.1.4.1.1.1.1";
    /** Rows and Columns of every image. */
    static final int SIZE = 16;

    private static final SyntheticStudy STUDY_A1 = study(A1, PATIENT_A, "ACC-A1");
    private static final SyntheticStudy STUDY_A2 = study(A2, PATIENT_A, "ACC-A2");
    private static final SyntheticStudy STUDY_B1 = study(B1, PATIENT_B, "ACC-B1");

    private final IngestFixture fixture = IngestFixture.temporary("qido-source"); // H2, or MariaDB (mariadb run)
    private final DataSource dataSource = fixture.database.dataSource();
    private final InstanceStore store = fixture.store;
    private final InstanceIngest ingest = fixture.ingest;

    QidoTestSource() throws IOException, StoreStatusException {
        ingestStudies();
    }

    DataSource dataSource() {
        return dataSource;
    }

    InstanceStore store() {
        return store;
    }

    static String series(String study, int series) {
        return study + "." + series;
    }

    static String instance(String study, int series, int instance) {
        return study + "." + series + "." + instance;
    }

    private void ingestStudies() throws IOException, StoreStatusException {
        for (int i = 1; i <= 2; i++) {
            var ct = patientA(STUDY_A1.dataset(1, i), "20260110", "083000");
            ct.setString(Tag.TIMEZONE_OFFSET_FROM_UTC, VR.SH, "+0100");
            take(ct);
        }
        var ct = patientA(STUDY_A1.dataset(2, 1), "20260110", "083000");
        ct.setString(Tag.TIMEZONE_OFFSET_FROM_UTC, VR.SH, "+0100");
        take(ct);
        for (int i = 1; i <= 3; i++) {
            var mr = patientA(STUDY_A2.dataset(1, i), "20260615", "141500");
            image(mr, MR, "MR");
            mr.setString(Tag.NUMBER_OF_FRAMES, VR.IS, "1");
            mr.setString(Tag.STUDY_DESCRIPTION, VR.LO, "IRM GENOU");
            take(mr);
        }
        take(patientB(image(STUDY_B1.dataset(1, 1), CR, "CR")));
        take(patientB(image(STUDY_B1.dataset(2, 1), DX, "DX")));
    }

    private static Attributes patientA(Attributes d, String date, String time) {
        d.setString(Tag.STUDY_DATE, VR.DA, date);
        d.setString(Tag.STUDY_TIME, VR.TM, time);
        return d;
    }

    private static Attributes patientB(Attributes d) {
        d.setString(Tag.STUDY_DATE, VR.DA, "20251201");
        d.setString(Tag.STUDY_TIME, VR.TM, "220000");
        d.setString(Tag.PATIENT_NAME, VR.PN, "Martin^Paul");
        d.setString(Tag.PATIENT_BIRTH_DATE, VR.DA, "19750203");
        d.setString(Tag.PATIENT_SEX, VR.CS, "M");
        d.setString(Tag.STUDY_DESCRIPTION, VR.LO, "THORAX FACE");
        d.remove(Tag.REFERRING_PHYSICIAN_NAME);
        return d;
    }

    private static Attributes image(Attributes d, String sopClass, String modality) {
        d.setString(Tag.SOP_CLASS_UID, VR.UI, sopClass);
        d.setString(Tag.MODALITY, VR.CS, modality);
        return d;
    }

    private void take(Attributes dataset) throws IOException, StoreStatusException {
        var part10 = new ByteArrayOutputStream();
        DicomWriter.writeFile(part10, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        Part10Ingest.file(ingest, new ByteArrayInputStream(part10.toByteArray()));
    }

    private static SyntheticStudy study(String uid, String patientId, String accessionNumber) {
        return new SyntheticStudy(uid, patientId, "PERONNE", "", SyntheticStudy.AFFINITY_DOMAIN, accessionNumber,
                2, 3, SIZE);
    }

    @Override
    public void close() {
        fixture.close();
    }
}
