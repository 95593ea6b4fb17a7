// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.imagingsource.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.io.DicomFile;
import net.imagingexchange.dicom.io.DicomReader;
import net.imagingexchange.dicom.io.TransferSyntax;
import net.imagingexchange.imagingsource.index.InstanceRecord;
import net.imagingexchange.imagingsource.index.StudyRecord;
import net.imagingexchange.imagingsource.index.StudySnapshot;
import net.imagingexchange.imagingsource.manifest.Studies.Series;
import net.imagingexchange.imagingsource.testing.IngestFixture;
import net.imagingexchange.imagingsource.testing.SyntheticStudy;

/** The KOS manifest as dciodvfy, dcmdump and our own reader see it. */
class KosManifestTest {

    static final ManifestSettings SETTINGS = new ManifestSettings("XDSI_SOURCE",
            "1.3.6.1.4.1.21367.2005.13.20.1000.4.2", "http://exchange.peronne.example:8080/imaging-source/dicomweb",
            "Centre hospitalier de Péronne", ManifestSettings.DEFAULT_MANUFACTURER,
            ManifestSettings.DEFAULT_SERIES_NUMBER);
    static final ManifestIdentity IDENTITY = new ManifestIdentity("2.25.311", "2.25.312",
            ZonedDateTime.parse("2026-11-27T03:00:00Z"));

    // dciodvfy of Debian 12's dicom3tools does not know Retrieve URL in the Hierarchical Series Reference macro (PS3.3
    // Table 10-4), which XDS-I.b's WADO-RS retrieval and MADO use; its presence makes the object "Standard Extended"
    static final Pattern RETRIEVE_URL_WARNING = Pattern.compile("Warning - (Attribute is not present in standard DICOM"
            + " IOD - \\(0x0008,0x1190\\) UR Retrieve URL|Dicom dataset contains attributes not present in standard"
            + " DICOM IOD - this is a Standard Extended SOP Class)\\s*");
    // an empty type 2 Study Time or Study ID copied from images that have them empty
    static final Pattern EMPTY_IN_THE_IMAGES_WARNING = Pattern.compile(
            "Warning - Missing attribute or value that would be needed to build DICOMDIR - Study (Time|ID)\\s*");

    @TempDir
    Path dir;

    @Test
    void dciodvfyFindsNoErrorInTheManifestOfACtAndMrStudy() throws Exception {
        Path file = write(Studies.ctAndMr(), SETTINGS);

        assertNoError(file, RETRIEVE_URL_WARNING);
    }

    @Test
    void dciodvfyFindsNoErrorWithWaveformsStructuredReportsNoAccessionAndAnOidIssuer() throws Exception {
        var patient = new StudyRecord.Patient("PER-4712", Studies.LOCAL_ISSUER, "Martin^Louis", "", "", List.of());
        var study = new StudyRecord(Studies.STUDY_UID, patient, "20261127", "", "", "", "", "", "", "", "", 1, 0);
        var snapshot = Studies.snapshot(study, new Series("ECG", "", Studies.TWELVE_LEAD_ECG, 1),
                new Series("SR", "", Studies.BASIC_TEXT_SR, 1), new Series("CT", "HEAD", Studies.CT_IMAGE, 1));
        var noWado = new ManifestSettings("XDSI_SOURCE", SETTINGS.retrieveLocationUid(), "", "CH Péronne",
                "Test", 99);

        Path file = write(snapshot, noWado);

        assertNoError(file, EMPTY_IN_THE_IMAGES_WARNING);
    }

    @Test
    void dcmdumpShowsTheEvidenceOfBothSeriesWithExactlyTheirInstances() throws Exception {
        Path file = write(Studies.ctAndMr(), SETTINGS);

        String evidence = Tools.run("dcmdump", "-q", "+U8", "+P", "0040,a375", file.toString());

        var bySeries = new LinkedHashMap<String, List<String>>();
        var current = new ArrayList<String>();
        for (String line : evidence.split("\n")) {
            var value = Pattern.compile("^\\s*\\((\\w{4},\\w{4})\\) \\w\\w \\[([^]]*)]").matcher(line);
            if (value.find() && value.group(1).equals("0008,1155")) {
                current.add(value.group(2));
            } else if (value.find(0) && value.group(1).equals("0020,000e")) {
                bySeries.put(value.group(2), List.copyOf(current));
                current.clear();
            }
        }
        String study = Studies.STUDY_UID;
        assertThat(bySeries).containsExactly(
                Map.entry(study + ".1", List.of(study + ".1.1", study + ".1.2", study + ".1.3")),
                Map.entry(study + ".2", List.of(study + ".2.1", study + ".2.2")));
        assertThat(evidence).contains("(0020,000d) UI [" + study + "]")
                .contains("(0008,0054) AE [XDSI_SOURCE]")
                .contains("(0040,e011) UI [1.3.6.1.4.1.21367.2005.13.20.1000.4.2]")
                .contains("(0008,1190) UR [http://exchange.peronne.example:8080/imaging-source/dicomweb]");
        assertThat(evidence.split("RetrieveAETitle", -1)).hasSize(3);
        assertThat(evidence.split("RetrieveLocationUID", -1)).hasSize(3);
        assertThat(evidence.split("RetrieveURL", -1)).hasSize(3);
    }

    @Test
    void ourReaderReadsBackTheTid2010DocumentWithThePatientAndStudyOfTheImages() throws Exception {
        StudySnapshot snapshot = Studies.ctAndMr();
        Path file = write(snapshot, SETTINGS);

        DicomFile read = DicomReader.read(file, DicomReader.Options.DEFAULT);

        assertThat(read.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(read.fileMeta().getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("2.25.311");
        Attributes kos = read.dataset();
        assertThat(kos.getString(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
        assertThat(kos.getString(Tag.SOP_CLASS_UID)).isEqualTo(KosManifest.SOP_CLASS_UID);
        assertThat(kos.getString(Tag.SOP_INSTANCE_UID)).isEqualTo("2.25.311");
        assertThat(kos.getString(Tag.MODALITY)).isEqualTo("KO");
        assertThat(kos.getString(Tag.SERIES_INSTANCE_UID)).isEqualTo("2.25.312");
        assertThat(kos.getString(Tag.SERIES_NUMBER)).isEqualTo("999");
        assertThat(kos.getSequence(Tag.REFERENCED_PERFORMED_PROCEDURE_STEP_SEQUENCE).items()).isEmpty();
        assertThat(kos.getString(Tag.MANUFACTURER)).isEqualTo("Regional imaging exchange");
        assertThat(kos.getString(Tag.INSTITUTION_NAME)).isEqualTo("Centre hospitalier de Péronne");
        // patient and study as the images have them
        assertThat(kos.getString(Tag.PATIENT_NAME)).isEqualTo("Lefèvre^Zoé^Marie^Mme^");
        assertThat(kos.getString(Tag.PATIENT_ID)).isEqualTo("PER-4711");
        assertThat(kos.getString(Tag.ISSUER_OF_PATIENT_ID)).isEqualTo("PERONNE");
        assertThat(kos.contains(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE)).isFalse(); // not an OID
        assertThat(kos.getString(Tag.PATIENT_BIRTH_DATE)).isEqualTo("19610412");
        assertThat(kos.getString(Tag.PATIENT_SEX)).isEqualTo("F");
        var other = kos.getSequence(Tag.OTHER_PATIENT_IDS_SEQUENCE).items().get(0);
        assertThat(other.getString(Tag.PATIENT_ID)).isEqualTo("IDR4711");
        assertThat(other.getSequence(Tag.ISSUER_OF_PATIENT_ID_QUALIFIERS_SEQUENCE).items().get(0)
                .getString(Tag.UNIVERSAL_ENTITY_ID)).isEqualTo(Studies.AFFINITY_DOMAIN);
        assertThat(kos.getString(Tag.STUDY_INSTANCE_UID)).isEqualTo(Studies.STUDY_UID);
        assertThat(kos.getString(Tag.STUDY_DATE)).isEqualTo("20261127");
        assertThat(kos.getString(Tag.STUDY_TIME)).isEqualTo("023015.250");
        assertThat(kos.getString(Tag.ACCESSION_NUMBER)).isEqualTo("ACC-2026-0042");
        assertThat(kos.getString(Tag.REFERRING_PHYSICIAN_NAME)).isEqualTo("Urgences^Médecin");
        assertThat(kos.getString(Tag.STUDY_DESCRIPTION)).isEqualTo("CT THORAX");
        // the request the study fulfils
        var request = kos.getSequence(Tag.REFERENCED_REQUEST_SEQUENCE).items().get(0);
        assertThat(request.getString(Tag.STUDY_INSTANCE_UID)).isEqualTo(Studies.STUDY_UID);
        assertThat(request.getString(Tag.ACCESSION_NUMBER)).isEqualTo("ACC-2026-0042");
        assertThat(request.getSequence(Tag.ISSUER_OF_ACCESSION_NUMBER_SEQUENCE).items().get(0)
                .getString(Tag.UNIVERSAL_ENTITY_ID)).isEqualTo("1.3.6.1.4.1.21367.2005.13.20.1000.4.7");
        // TID 2010 root
        assertThat(kos.getString(Tag.VALUE_TYPE)).isEqualTo("CONTAINER");
        var title = kos.getSequence(Tag.CONCEPT_NAME_CODE_SEQUENCE).items().get(0);
        assertThat(List.of(title.getString(Tag.CODE_VALUE), title.getString(Tag.CODING_SCHEME_DESIGNATOR),
                title.getString(Tag.CODE_MEANING))).containsExactly("113030", "DCM", "Manifest");
        assertThat(kos.getString(Tag.CONTINUITY_OF_CONTENT)).isEqualTo("SEPARATE");
        var template = kos.getSequence(Tag.CONTENT_TEMPLATE_SEQUENCE).items().get(0);
        assertThat(template.getString(Tag.MAPPING_RESOURCE)).isEqualTo("DCMR");
        assertThat(template.getString(Tag.TEMPLATE_IDENTIFIER)).isEqualTo("2010");
        // one CONTAINS IMAGE per instance, in the evidence's order
        var content = kos.getSequence(Tag.CONTENT_SEQUENCE).items();
        assertThat(content).extracting(i -> i.getString(Tag.RELATIONSHIP_TYPE) + " " + i.getString(Tag.VALUE_TYPE))
                .containsOnly("CONTAINS IMAGE").hasSize(5);
        assertThat(content).extracting(i -> i.getSequence(Tag.REFERENCED_SOP_SEQUENCE).items().get(0)
                .getString(Tag.REFERENCED_SOP_INSTANCE_UID))
                .containsExactlyElementsOf(snapshot.instances().stream().map(InstanceRecord::sopInstanceUid).toList());
    }

    @Test
    void referencesWaveformsAsWaveformAndOtherObjectsAsComposite() {
        var snapshot = Studies.snapshot(Studies.study(Studies.patient(), ""),
                new Series("ECG", "", Studies.TWELVE_LEAD_ECG, 1), new Series("SR", "", Studies.BASIC_TEXT_SR, 1),
                new Series("MR", "BRAIN", Studies.MR_IMAGE, 1));

        var content = new KosManifest(SETTINGS).build(snapshot, IDENTITY).getSequence(Tag.CONTENT_SEQUENCE).items();

        assertThat(content).extracting(i -> i.getString(Tag.VALUE_TYPE))
                .containsExactly("WAVEFORM", "COMPOSITE", "IMAGE");
    }

    @Test
    void writesTimesInTheStudysOffsetWhenItNamesOneElseInTheCreationTimesZone() {
        var created = new ManifestIdentity("2.25.311", "2.25.312",
                ZonedDateTime.parse("2026-11-27T23:30:05-05:00[America/New_York]"));
        var withOffset = new KosManifest(SETTINGS).build(Studies.ctAndMr(), created); // study names +0100
        var without = new KosManifest(SETTINGS).build(
                Studies.snapshot(Studies.study(Studies.patient(), ""), new Series("CT", "", Studies.CT_IMAGE, 1)),
                created);

        assertThat(withOffset.getString(Tag.TIMEZONE_OFFSET_FROM_UTC)).isEqualTo("+0100");
        assertThat(withOffset.getString(Tag.INSTANCE_CREATION_DATE)).isEqualTo("20261128");
        assertThat(withOffset.getString(Tag.INSTANCE_CREATION_TIME)).isEqualTo("053005");
        assertThat(withOffset.getString(Tag.CONTENT_DATE)).isEqualTo("20261128");
        assertThat(withOffset.getString(Tag.CONTENT_TIME)).isEqualTo("053005");
        assertThat(without.contains(Tag.TIMEZONE_OFFSET_FROM_UTC)).isFalse();
        assertThat(without.getString(Tag.INSTANCE_CREATION_DATE)).isEqualTo("20261127");
        assertThat(without.getString(Tag.INSTANCE_CREATION_TIME)).isEqualTo("233005");
    }

    @Test
    void leavesReferencedRequestOutWhenTheStudyHasNoAccessionNumber() {
        var record = Studies.study(Studies.patient(), "");
        var noAccession = new StudyRecord(record.studyInstanceUid(), record.patient(), record.studyDate(),
                record.studyTime(), "", "", "", "", "", "", "", 1, 0);

        var kos = new KosManifest(SETTINGS).build(
                Studies.snapshot(noAccession, new Series("CT", "", Studies.CT_IMAGE, 1)), IDENTITY);

        assertThat(kos.contains(Tag.REFERENCED_REQUEST_SEQUENCE)).isFalse();
        assertThat(kos.getString(Tag.ACCESSION_NUMBER)).isEmpty(); // type 2: present, empty
    }

    @Test
    void refusesAStudyWithoutInstancesAndUidsThatAreNotNew() {
        var empty = new StudySnapshot(Studies.study(Studies.patient(), ""), List.of(), List.of());
        var kos = new KosManifest(SETTINGS);

        assertThatThrownBy(() -> kos.build(empty, IDENTITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one instance");
        String reused = Studies.STUDY_UID + ".1.2";
        assertThatThrownBy(() -> kos.build(Studies.ctAndMr(), new ManifestIdentity(reused, "2.25.312",
                IDENTITY.created()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("new");
        assertThatThrownBy(() -> kos.build(Studies.ctAndMr(), new ManifestIdentity("2.25.311",
                Studies.STUDY_UID + ".2", IDENTITY.created()))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("manifests").resolve("2.25.311.dcm");
        var kos = new KosManifest(SETTINGS);
        KosManifest.write(kos.build(Studies.ctAndMr(), IDENTITY), file);
        long first = Files.size(file);

        KosManifest.write(kos.build(Studies.snapshot(Studies.study(Studies.patient(), "+0100"),
                new Series("CT", "CHEST", Studies.CT_IMAGE, 40)), IDENTITY), file);

        assertThat(Files.size(file)).isGreaterThan(first);
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorATemporaryOne() throws Exception {
        Path file = dir.resolve("2.25.311.dcm");
        var kos = new KosManifest(SETTINGS).build(Studies.ctAndMr(), IDENTITY);
        // a value whose bytes cannot be read: the writer fails half way through the data set
        kos.put(new Element(Tag.of(0x0009, 0x1010), VR.OB, new BulkData(dir.resolve("missing"), 0, 1 << 20)));

        assertThatThrownBy(() -> KosManifest.write(kos, file)).isInstanceOf(IOException.class);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void manifestsAStudyOfIndexedInstancesAsIngestWroteThem() throws Exception {
        var synthetic = SyntheticStudy.of("1.2.250.1.999.77.1", 2, 3);
        StudySnapshot snapshot;
        try (var fixture = new IngestFixture(dir.resolve("source"))) {
            fixture.ingest(synthetic.write(dir.resolve("sent")));
            snapshot = fixture.index.snapshot(synthetic.studyInstanceUid()).orElseThrow();
        }

        Path file = write(snapshot, SETTINGS);

        assertNoError(file, RETRIEVE_URL_WARNING);
        var kos = DicomReader.read(file, DicomReader.Options.DEFAULT).dataset();
        assertThat(kos.getString(Tag.PATIENT_ID)).isEqualTo(synthetic.patientId());
        assertThat(kos.getString(Tag.PATIENT_NAME)).isEqualTo("Lefèvre^Zoé");
        assertThat(kos.getSequence(Tag.CONTENT_SEQUENCE).items()).hasSize(6);
    }

    @Test
    void buildsTheManifestOfALargeStudyInOnePass() throws Exception {
        var large = Studies.snapshot(Studies.study(Studies.patient(), "+0100"),
                new Series("CT", "CHEST", Studies.CT_IMAGE, 150), new Series("CT", "ABDOMEN", Studies.CT_IMAGE, 50));
        var kos = new KosManifest(SETTINGS);
        kos.build(large, IDENTITY); // warm-up: class loading, charset

        long start = System.nanoTime();
        Attributes manifest = kos.build(large, IDENTITY);
        long built = System.nanoTime();
        KosManifest.write(manifest, dir.resolve("large.dcm"));
        long written = System.nanoTime();

        // measured, not asserted (DESIGN.md 8); writing is mostly the two fsyncs
        System.out.printf("KOS of 200 instances: built in %d us, written in %d us%n", (built - start) / 1000,
                (written - built) / 1000);
        assertThat(manifest.getSequence(Tag.CONTENT_SEQUENCE).items()).hasSize(200);
    }

    private Path write(StudySnapshot snapshot, ManifestSettings settings) throws IOException {
        Path file = dir.resolve("kos-" + System.nanoTime() + ".dcm");
        KosManifest.write(new KosManifest(settings).build(snapshot, IDENTITY), file);
        return file;
    }

    /** dciodvfy recognises the IOD, reports no error, and no warning but the ones expected. */
    private static void assertNoError(Path file, Pattern expectedWarnings) throws Exception {
        String report = Tools.run("dciodvfy", file.toString());
        assertThat(report.lines()).as(report).contains("KeyObjectSelectionDocument");
        assertThat(report.lines().filter(line -> line.contains("Error"))).as(report).isEmpty();
        assertThat(report.lines().filter(line -> line.startsWith("Warning")))
                .as(report).allMatch(line -> expectedWarnings.matcher(line).matches());
    }
}
