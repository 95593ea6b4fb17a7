// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.consumer.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;

class ManifestReaderTest {

    private static final String STUDY = "1.2.250.1.999.74.1";

    @TempDir
    Path dir;

    private static Attributes kos(String evidenceStudy) {
        var kos = new Attributes();
        kos.setString(Tag.SOP_CLASS_UID, VR.UI, ManifestReader.KOS_SOP_CLASS);
        kos.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.74.9");
        kos.setString(Tag.PATIENT_ID, VR.LO, "PER-74");
        kos.setString(Tag.STUDY_INSTANCE_UID, VR.UI, STUDY);
        kos.setString(Tag.ACCESSION_NUMBER, VR.SH, "ACC74");
        var study = kos.newSequence(Tag.CURRENT_REQUESTED_PROCEDURE_EVIDENCE_SEQUENCE).addItem();
        study.setString(Tag.STUDY_INSTANCE_UID, VR.UI, evidenceStudy);
        var series = study.newSequence(Tag.REFERENCED_SERIES_SEQUENCE).addItem();
        series.setString(Tag.SERIES_INSTANCE_UID, VR.UI, STUDY + ".1");
        series.setString(Tag.RETRIEVE_AE_TITLE, VR.AE, "XDSI_SOURCE");
        series.setString(Tag.RETRIEVE_LOCATION_UID, VR.UI, "1.2.3.4");
        series.setString(Tag.RETRIEVE_URL, VR.UR, "http://peronne.example/imaging-source/dicomweb");
        var sops = series.newSequence(Tag.REFERENCED_SOP_SEQUENCE);
        for (int i = 1; i <= 2; i++) {
            var sop = sops.addItem();
            sop.setString(Tag.REFERENCED_SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
            sop.setString(Tag.REFERENCED_SOP_INSTANCE_UID, VR.UI, STUDY + ".1." + i);
        }
        return kos;
    }

    private Path write(Attributes dataset) throws Exception {
        Path file = dir.resolve("kos.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return file;
    }

    @Test
    void readsTheStudyAndWhereEachSeriesIsRetrieved() throws Exception {
        StudyManifest manifest = ManifestReader.read(write(kos(STUDY)));

        assertThat(manifest.manifestUid()).isEqualTo("1.2.250.1.999.74.9");
        assertThat(manifest.study().accessionNumber()).isEqualTo("ACC74");
        assertThat(manifest.instanceCount()).isEqualTo(2);
        var series = manifest.series().get(0);
        assertThat(series.retrieveUrl()).isEqualTo("http://peronne.example/imaging-source/dicomweb");
        assertThat(series.retrieveLocationUid()).isEqualTo("1.2.3.4");
        assertThat(manifest.seriesOf(STUDY + ".1.2")).contains(series);
    }

    @Test
    void aManifestOfAnotherStudysInstancesOrNotAKosIsRefused() throws Exception {
        assertThatThrownBy(() -> ManifestReader.read(write(kos("1.2.250.1.999.74.2"))))
                .isInstanceOf(ManifestReader.InvalidManifestException.class)
                .hasMessageContaining("evidence of study 1.2.250.1.999.74.2");
        Attributes image = kos(STUDY);
        image.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        assertThatThrownBy(() -> ManifestReader.read(write(image)))
                .hasMessageContaining("is not Key Object Selection Document");
        Files.writeString(dir.resolve("text.dcm"), "not DICOM at all, and long enough to have a preamble".repeat(4));
        assertThatThrownBy(() -> ManifestReader.read(dir.resolve("text.dcm")))
                .isInstanceOf(ManifestReader.InvalidManifestException.class);
    }
}
