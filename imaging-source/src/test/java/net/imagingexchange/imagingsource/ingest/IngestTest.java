// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.DicomWriter;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.dicom.net.StoreHandler;
import net.imagingexchange.dicom.net.StoreStatusException;
import net.imagingexchange.dicom.testing.Dcmtk;
import net.imagingexchange.imagingsource.index.IndexOutcome;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.Part10Ingest;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** Ingest into the store and index: files kept as sent, resends idempotent, contradictions refused with reasons. */
class IngestTest {

    @TempDir
    Path dir;

    IngestFixture fixture;

    @BeforeEach
    void open() throws Exception {
        fixture = new IngestFixture(dir.resolve("source"));
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void keepsEachInstanceAsSentAndIndexesItsStudySeriesAndInstances() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.1", 2, 3);
        var files = study.write(dir.resolve("sent"));

        fixture.ingest(files);

        var snapshot = fixture.index.snapshot(study.studyInstanceUid()).orElseThrow();
        assertThat(snapshot.series()).extracting(s -> s.seriesInstanceUid())
                .containsExactly(study.seriesUid(1), study.seriesUid(2));
        assertThat(snapshot.instances()).hasSize(6);
        assertThat(snapshot.study().patient().patientId()).isEqualTo(study.patientId());
        assertThat(snapshot.study().patient().otherIds()).extracting(o -> o.patientId() + "@" + o.issuer())
                .containsExactly(study.regionalId() + "@" + SyntheticStudy.AFFINITY_DOMAIN);
        assertThat(snapshot.study().accessionNumber()).isEqualTo(study.accessionNumber());
        assertThat(snapshot.study().contentRevision()).isEqualTo(6);
        for (var instance : snapshot.instances()) {
            Path sent = dir.resolve("sent").resolve(instance.sopInstanceUid() + ".dcm");
            assertThat(fixture.store.file(instance.fileName())).hasSameBinaryContentAs(sent);
        }
    }

    @Test
    void aResentInstanceChangesNothingAndAChangedOneReplacesIt() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.2", 1, 2);
        var files = study.write(dir.resolve("sent"));
        fixture.ingest(files);

        var again = Part10Ingest.file(fixture.ingest, Files.newInputStream(files.get(0)));
        var changedDataset = study.dataset(1, 1);
        changedDataset.setString(Tag.SERIES_DESCRIPTION, VR.LO, "corrected");
        var changed = Part10Ingest.file(fixture.ingest, new ByteArrayInputStream(part10(changedDataset)));

        assertThat(again.outcome()).isEqualTo(IndexOutcome.UNCHANGED);
        assertThat(changed.outcome()).isEqualTo(IndexOutcome.REPLACED);
        assertThat(fixture.index.study(study.studyInstanceUid()).orElseThrow().contentRevision()).isEqualTo(3);
        assertThat(fixture.index.instancesOfStudy(study.studyInstanceUid())).hasSize(2);
    }

    @Test
    void refusesAnInstanceOfAnotherPatientInTheSameStudyAndKeepsNothingOfIt() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.3", 1, 1);
        fixture.ingest(study.write(dir.resolve("sent")));
        var intruder = study.dataset(1, 2);
        intruder.setString(Tag.PATIENT_ID, VR.LO, "SOMEONE-ELSE");

        assertThatThrownBy(() -> Part10Ingest.file(fixture.ingest, new ByteArrayInputStream(part10(intruder))))
                .isInstanceOf(StoreStatusException.class)
                .hasMessageContaining("patient SOMEONE-ELSE (PERONNE) is not " + study.patientId())
                .extracting(e -> ((StoreStatusException) e).status()).isEqualTo(InstanceIngest.CONFLICT);
        assertThat(fixture.index.instance(study.instanceUid(1, 2))).isEmpty();
        assertThat(fixture.store.fileNames()).hasSize(1);
        assertThat(Files.list(dir.resolve("source/incoming"))).isEmpty();
    }

    @Test
    void refusesADataSetThatIsNotTheInstanceItsRequestNames() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.4", 1, 1);
        byte[] dataset = datasetOnly(study.dataset(1, 1));

        assertThatThrownBy(() -> fixture.ingest.ingest("1.2.840.10008.5.1.4.1.1.2", "1.2.250.1.999.51.4.9.9",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(dataset)))
                .isInstanceOf(StoreStatusException.class)
                .hasMessage("SOP Instance UID of the data set " + study.instanceUid(1, 1)
                        + " is not the request's 1.2.250.1.999.51.4.9.9")
                .extracting(e -> ((StoreStatusException) e).status())
                .isEqualTo(StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
        assertThatThrownBy(() -> fixture.ingest.ingest("1.2.840.10008.5.1.4.1.1.4", study.instanceUid(1, 1),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(dataset)))
                .hasMessageContaining("SOP Class UID of the data set 1.2.840.10008.5.1.4.1.1.2 is not the request's");
        assertThat(fixture.store.fileNames()).isEmpty();
    }

    @Test
    void refusesATruncatedDataSet() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.5", 1, 1);
        byte[] dataset = datasetOnly(study.dataset(1, 1));
        byte[] truncated = Arrays.copyOf(dataset, 300);

        assertThatThrownBy(() -> fixture.ingest.ingest("1.2.840.10008.5.1.4.1.1.2", study.instanceUid(1, 1),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), new ByteArrayInputStream(truncated)))
                .isInstanceOf(StoreStatusException.class)
                .hasMessageStartingWith("data set cannot be parsed: ");
        assertThat(fixture.store.fileNames()).isEmpty();
    }

    /**
     * A STOW-RS request to a study's URL takes only that study's instances, in whatever transfer syntax dcmtk wrote
     * them: implicit and explicit VR little endian, explicit big endian, deflated (PS3.18 10.5.1).
     */
    @ParameterizedTest
    @ValueSource(strings = {"+te", "+ti", "+tb", "+td"})
    void takesAPartForAStudyUrlOnlyWhenItIsOfThatStudy(String syntax) throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.7", 1, 1);
        Path converted = dir.resolve("converted" + syntax.substring(1) + ".dcm");
        Dcmtk.run("dcmconv", syntax, study.write(dir.resolve("sent")).get(0).toString(), converted.toString());

        assertThatThrownBy(() -> ingestForStudy(converted, "1.2.250.1.999.51.8"))
                .isInstanceOf(StoreStatusException.class)
                .hasMessage("Study Instance UID " + study.studyInstanceUid() + " is not the study 1.2.250.1.999.51.8"
                        + " of the request URL")
                .extracting(e -> ((StoreStatusException) e).status())
                .isEqualTo(StoreHandler.DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
        assertThat(fixture.store.fileNames()).isEmpty();
        assertThat(ingestForStudy(converted, study.studyInstanceUid()).studyInstanceUid())
                .isEqualTo(study.studyInstanceUid());
    }

    /** The check reads the whole header, however large the values before the Study Instance UID are. */
    @Test
    void findsTheStudyBehindALargeValue() throws Exception {
        var study = SyntheticStudy.of("1.2.250.1.999.51.9", 1, 1);
        var dataset = study.dataset(1, 1);
        dataset.setBytes(Tag.of(0x0009, 0x0010), VR.LO, "BIG ".getBytes(StandardCharsets.US_ASCII));
        dataset.setBytes(Tag.of(0x0009, 0x1001), VR.OB, new byte[5 * 1024 * 1024]);
        Path file = dir.resolve("large.dcm");
        Files.write(file, part10(dataset));

        assertThatThrownBy(() -> ingestForStudy(file, "1.2.250.1.999.51.10"))
                .hasMessageStartingWith("Study Instance UID " + study.studyInstanceUid() + " is not the study");
    }

    @Test
    void refusesWhatIsNotAPart10File() {
        assertThatThrownBy(() -> Part10Ingest.file(fixture.ingest, new ByteArrayInputStream(new byte[300])))
                .isInstanceOf(StoreStatusException.class)
                .hasMessageContaining("not a DICOM Part 10 file").hasMessageContaining("DICM")
                .extracting(e -> ((StoreStatusException) e).status()).isEqualTo(StoreHandler.CANNOT_UNDERSTAND);
    }

    /** As STOW-RS takes a part for a study's URL: the File Meta Information read first, then the data set. */
    private InstanceIngest.Ingested ingestForStudy(Path file, String study) throws Exception {
        try (var in = new BufferedInputStream(Files.newInputStream(file))) {
            var meta = DicomReader.readFileMeta(in);
            return fixture.ingest.ingest(meta.getString(Tag.MEDIA_STORAGE_SOP_CLASS_UID),
                    meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID), meta.getString(Tag.TRANSFER_SYNTAX_UID), in,
                    study);
        }
    }

    private static byte[] part10(net.imagingexchange.dicom.data.Attributes dataset) throws Exception {
        var out = new ByteArrayOutputStream();
        DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }

    private static byte[] datasetOnly(net.imagingexchange.dicom.data.Attributes dataset) throws Exception {
        var out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }
}
