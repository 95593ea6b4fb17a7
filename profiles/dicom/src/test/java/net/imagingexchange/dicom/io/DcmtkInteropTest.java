// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.testing.Dcmtk;

/**
 * Part 10 interoperability with dcmtk, software we did not write: files dcmtk writes (every uncompressed transfer
 * syntax, deflated and big endian included) read with the values dcmdump shows, and files we write dumped by
 * dcmdump with the values we put in; a file dcmtk wrote and we wrote again dumps identically.
 */
class DcmtkInteropTest {

    /** A data set with text in UTF-8, numbers, a nested sequence and pixel data, as dump2dcm input. */
    private static final String DUMP = """
            (0008,0005) CS [ISO_IR 192]
            (0008,0016) UI [1.2.840.10008.5.1.4.1.1.7]
            (0008,0018) UI [1.2.250.1.999.7.1]
            (0008,0060) CS [OT]
            (0010,0010) PN [Dupont^Hélène]
            (0010,0020) LO [PER-4711]
            (0020,000d) UI [1.2.250.1.999.3.1]
            (0020,000e) UI [1.2.250.1.999.3.1.1]
            (0028,0002) US 1
            (0028,0004) CS [MONOCHROME2]
            (0028,0010) US 2
            (0028,0011) US 2
            (0028,0100) US 16
            (0028,0101) US 12
            (0028,0102) US 11
            (0028,0103) US 0
            (0040,a375) SQ (Sequence with undefined length #=1)
              (fffe,e000) na (Item with undefined length #=2)
                (0020,000d) UI [1.2.250.1.999.3.1]
                (0008,1115) SQ (Sequence with undefined length #=1)
                  (fffe,e000) na (Item with undefined length #=1)
                    (0020,000e) UI [1.2.250.1.999.3.1.1]
                  (fffe,e00d) na (ItemDelimitationItem)
                (fffe,e0dd) na (SequenceDelimitationItem)
              (fffe,e00d) na (ItemDelimitationItem)
            (fffe,e0dd) na (SequenceDelimitationItem)
            (7fe0,0010) OW 0001\\0203\\0405\\0607
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"+ti", "+te", "+tb", "+td"})
    void readsWhatDcmtkWritesInEveryUncompressedTransferSyntax(String syntax) throws Exception {
        Path file = dcmtkFile(syntax);

        var read = DicomReader.read(file, DicomReader.Options.DEFAULT);

        var dataset = read.dataset();
        assertThat(dataset.getString(Tag.PATIENT_NAME)).isEqualTo("Dupont^Hélène");
        assertThat(dataset.getString(Tag.PATIENT_ID)).isEqualTo("PER-4711");
        assertThat(dataset.getInt(Tag.of(0x0028, 0x0100), -1)).isEqualTo(16);
        var evidence = dataset.getSequence(Tag.of(0x0040, 0xA375));
        assertThat(evidence.items()).hasSize(1);
        var series = evidence.items().get(0).getSequence(Tag.of(0x0008, 0x1115));
        assertThat(series.items().get(0).getString(Tag.SERIES_INSTANCE_UID)).isEqualTo("1.2.250.1.999.3.1.1");
        assertThat((byte[]) dataset.get(Tag.PIXEL_DATA).value()).containsExactly(1, 0, 3, 2, 5, 4, 7, 6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+ti", "+te", "+tb", "+td"})
    void writesAgainWhatDcmtkWroteSoThatDcmdumpSeesTheSameDataSet(String syntax) throws Exception {
        Path original = dcmtkFile(syntax);
        Path ours = dir.resolve("ours.dcm");

        var read = DicomReader.read(original, DicomReader.Options.DEFAULT);
        var target = syntax.equals("+ti") ? TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;
        try (OutputStream out = Files.newOutputStream(ours)) {
            DicomWriter.writeFile(out, read.dataset(), target);
        }

        assertThat(Dcmtk.datasetDump(ours)).isEqualTo(Dcmtk.datasetDump(original));
    }

    @Test
    void writesFilesDcmdumpReadsWithOurValues() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.59");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.8.1");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Lefèvre^Zoé");
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "KO");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 512);
        var item = dataset.newSequence(Tag.of(0x0040, 0xA375)).addItem();
        item.setString(Tag.STUDY_INSTANCE_UID, VR.UI, "1.2.250.1.999.3.2");
        Path file = dir.resolve("ours.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }

        String dump = Dcmtk.run("dcmdump", "+U8", "+L", file.toString());

        assertThat(dump).doesNotContain("E: ").doesNotContain("W: ")
                .contains("(0002,0010) UI =LittleEndianExplicit")
                .contains("(0002,0012) UI [" + DicomWriter.IMPLEMENTATION_CLASS_UID + "]")
                .contains("(0010,0010) PN [Lefèvre^Zoé]")
                .contains("(0028,0010) US 512")
                .contains("(0020,000d) UI [1.2.250.1.999.3.2]");
        assertThat(DicomReader.read(file, DicomReader.Options.DEFAULT).dataset().getString(Tag.PATIENT_NAME))
                .isEqualTo("Lefèvre^Zoé");
    }

    @Test
    void transcodesAnImplicitFileToExplicitAsDcmconvDoes() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.8.3");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Transcode^Test");
        dataset.newSequence(Tag.OTHER_PATIENT_IDS_SEQUENCE).addItem().setString(Tag.PATIENT_ID, VR.LO, "IDR8");
        dataset.setBytes(Tag.PIXEL_DATA, VR.OW, new byte[200_000]); // above the bulk threshold: streamed
        Path ours = dir.resolve("ours.dcm");
        try (OutputStream out = Files.newOutputStream(ours)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Path implicit = dir.resolve("implicit.dcm");
        Path byDcmtk = dir.resolve("explicit-dcmtk.dcm");
        Dcmtk.run("dcmconv", "-q", "+ti", ours.toString(), implicit.toString());
        Dcmtk.run("dcmconv", "-q", "+te", implicit.toString(), byDcmtk.toString());
        Path transcoded = dir.resolve("explicit-ours.dcm");

        try (OutputStream out = Files.newOutputStream(transcoded)) {
            Transcoder.toExplicitVrLittleEndian(implicit, out);
        }

        assertThat(Dcmtk.run("dcmdump", "-q", transcoded.toString())).contains("=LittleEndianExplicit");
        assertThat(Dcmtk.datasetDump(transcoded)).isEqualTo(Dcmtk.datasetDump(byDcmtk));
        assertThat(Transcoder.canMakeExplicit(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN.uid())).isFalse();
    }

    @Test
    void readsTheFileMetaOfADcmtkFileAndLeavesTheStreamAtItsDataSet() throws Exception {
        Path original = dir.resolve("original.dcm");
        Path ours = dir.resolve("ours.dcm");
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.8.2");
        try (OutputStream out = Files.newOutputStream(ours)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        Dcmtk.run("dcmconv", "-q", "+ti", ours.toString(), original.toString()); // dcmtk's own meta information
        byte[] file = Files.readAllBytes(original);

        try (var in = new BufferedInputStream(Files.newInputStream(original), 4096)) {
            Attributes meta = DicomReader.readFileMeta(in);
            byte[] rest = in.readAllBytes();

            assertThat(meta.getString(Tag.TRANSFER_SYNTAX_UID)).isEqualTo("1.2.840.10008.1.2");
            assertThat(meta.getString(Tag.MEDIA_STORAGE_SOP_INSTANCE_UID)).isEqualTo("1.2.250.1.999.8.2");
            assertThat(rest).isEqualTo(Arrays.copyOfRange(file, file.length - rest.length, file.length));
            assertThat(DicomReader.readDataset(new ByteArrayInputStream(rest),
                    TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, DicomReader.Options.DEFAULT)
                    .getString(Tag.SOP_INSTANCE_UID)).isEqualTo("1.2.250.1.999.8.2");
        }
    }

    @Test
    void writesAndReadsLatin1TextUnderIsoIr100() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.8.2");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Müller^Françoise");
        Path file = dir.resolve("latin1.dcm");
        try (OutputStream out = Files.newOutputStream(file)) {
            DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }

        assertThat(Files.readAllBytes(file)).containsSequence("M\u00fcller^Fran\u00e7oise".getBytes(
                StandardCharsets.ISO_8859_1));
        assertThat(Dcmtk.run("dcmdump", "+U8", file.toString())).contains("(0010,0010) PN [Müller^Françoise]");
        assertThat(DicomReader.read(file, DicomReader.Options.DEFAULT).dataset().getString(Tag.PATIENT_NAME))
                .isEqualTo("Müller^Françoise");
    }

    private Path dcmtkFile(String syntax) throws Exception {
        Path dump = dir.resolve("input.dump");
        Files.writeString(dump, DUMP, StandardCharsets.UTF_8);
        Path explicit = dir.resolve("dcmtk-explicit.dcm");
        Dcmtk.run("dump2dcm", "-q", "--write-xfer-little", dump.toString(), explicit.toString());
        Path converted = dir.resolve("dcmtk" + syntax.replace('+', '-') + ".dcm");
        Dcmtk.run("dcmconv", "-q", syntax, explicit.toString(), converted.toString());
        return converted;
    }
}
