// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;

/**
 * Bad input ends in a {@link DicomParseException} naming the problem and where it is: no allocation of a declared
 * length, no endless loop, no stack overflow.
 */
class MalformedInputTest {

    @TempDir
    Path dir;

    @Test
    void refusesAFileWithoutTheDicmPrefix() {
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(new byte[200]),
                DicomReader.Options.DEFAULT))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("no DICM prefix");
    }

    /**
     * A cut inside an element is an error; a cut between two top-level elements leaves a shorter data set, which is
     * all a stream without a length can tell.
     */
    @Test
    void refusesATruncatedFileAtEveryLengthInsideAnElement() throws IOException {
        byte[] whole = file(sample());
        int complete = DicomReader.read(new ByteArrayInputStream(whole), DicomReader.Options.DEFAULT).dataset().size();
        int errors = 0;
        for (int length = 0; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            try {
                var read = DicomReader.read(new ByteArrayInputStream(cut), DicomReader.Options.DEFAULT);
                assertThat(read.dataset().size()).as("cut at %d of %d bytes", length, whole.length)
                        .isLessThan(complete);
            } catch (DicomParseException expected) {
                errors++;
            }
        }
        assertThat(errors).isGreaterThan(whole.length - 10);
    }

    @Test
    void refusesALengthLargerThanTheStreamWithoutAllocatingIt() {
        byte[] bytes = explicitElement(Tag.of(0x0009, 0x1010), "OB", 0x7FFF_FFF0L, new byte[16]);

        assertThatThrownBy(() -> dataset(bytes)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void refusesALengthLargerThanTheFile() throws IOException {
        Path file = dir.resolve("long.dcm");
        var out = new ByteArrayOutputStream();
        out.write(file(sample()));
        out.write(explicitElement(Tag.PIXEL_DATA, "OW", 1L << 30, new byte[100_000]));
        Files.write(file, out.toByteArray());

        assertThatThrownBy(() -> DicomReader.read(file, DicomReader.Options.DEFAULT))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("past the end of the file");
    }

    @Test
    void refusesAnUndefinedLengthSequenceThatNeverEnds() {
        var out = new ByteArrayOutputStream();
        out.writeBytes(explicitElement(Tag.of(0x0040, 0xA375), "SQ", 0xFFFF_FFFFL, new byte[0]));
        out.writeBytes(item(0xFFFF_FFFFL));
        out.writeBytes(explicitElement(Tag.PATIENT_ID, "LO", 4, "ABCD".getBytes()));

        assertThatThrownBy(() -> dataset(out.toByteArray())).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("unexpected end of data");
    }

    @Test
    void refusesAnUnknownVr() {
        byte[] bytes = explicitElement(Tag.PATIENT_ID, "ZZ", 4, "ABCD".getBytes());

        assertThatThrownBy(() -> dataset(bytes)).isInstanceOf(DicomParseException.class)
                .hasMessageContaining("unknown VR 'ZZ' in (0010,0020)");
    }

    @Test
    void readsOneHundredNestedSequencesAndRefusesDeeperThanTheLimit() throws IOException {
        var dataset = new Attributes();
        var level = dataset;
        for (int depth = 0; depth < 100; depth++) {
            level = level.newSequence(Tag.of(0x0040, 0xA730)).addItem();
        }
        level.setString(Tag.PATIENT_ID, VR.LO, "deep");
        var encoded = new ByteArrayOutputStream();
        DicomWriter.writeDataset(encoded, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);

        var read = DicomReader.readDataset(new ByteArrayInputStream(encoded.toByteArray()),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, DicomReader.Options.DEFAULT);
        var back = read;
        for (int depth = 0; depth < 100; depth++) {
            back = back.getSequence(Tag.of(0x0040, 0xA730)).items().get(0);
        }
        assertThat(back.getString(Tag.PATIENT_ID)).isEqualTo("deep");
        assertThatThrownBy(() -> DicomReader.readDataset(new ByteArrayInputStream(encoded.toByteArray()),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, new DicomReader.Options(false, 1024, 50)))
                .isInstanceOf(DicomParseException.class).hasMessageContaining("nested deeper than 50");
    }

    @Test
    void readsAnOddLengthValueAsItIs() throws IOException {
        var read = dataset(explicitElement(Tag.PATIENT_ID, "LO", 3, "ABC".getBytes()));

        assertThat(read.getString(Tag.PATIENT_ID)).isEqualTo("ABC");
    }

    private static Attributes dataset(byte[] bytes) throws IOException {
        return DicomReader.readDataset(new ByteArrayInputStream(bytes), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                DicomReader.Options.DEFAULT);
    }

    private static Attributes sample() {
        var dataset = new Attributes();
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        dataset.setString(Tag.SOP_INSTANCE_UID, VR.UI, "1.2.250.1.999.7.2");
        dataset.newSequence(Tag.of(0x0040, 0xA375)).addItem().setString(Tag.PATIENT_ID, VR.LO, "X1");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Doe^John");
        return dataset;
    }

    private static byte[] file(Attributes dataset) throws IOException {
        var out = new ByteArrayOutputStream();
        DicomWriter.writeFile(out, dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        return out.toByteArray();
    }

    /** An explicit VR little endian element header with the given length, then {@code value}. */
    private static byte[] explicitElement(int tag, String vr, long length, byte[] value) {
        var out = new ByteArrayOutputStream();
        le16(out, Tag.group(tag));
        le16(out, Tag.element(tag));
        out.write(vr.charAt(0));
        out.write(vr.charAt(1));
        VR known = VR.of(vr.charAt(0), vr.charAt(1));
        if (known == null || known.longLength()) {
            le16(out, 0);
            le16(out, (int) length);
            le16(out, (int) (length >>> 16));
        } else {
            le16(out, (int) length);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] item(long length) {
        var out = new ByteArrayOutputStream();
        le16(out, 0xFFFE);
        le16(out, 0xE000);
        le16(out, (int) length);
        le16(out, (int) (length >>> 16));
        return out.toByteArray();
    }

    private static void le16(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >>> 8) & 0xFF);
    }
}
