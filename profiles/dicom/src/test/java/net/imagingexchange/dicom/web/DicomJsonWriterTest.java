// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.BulkData;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Fragments;

/** The DICOM JSON Model (PS3.18 F.2) as written, compared to the expected text. */
class DicomJsonWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesASmallDataSet() {
        var dataset = new Attributes();
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "CT");
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Doe^John");
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 512);

        assertThat(DicomJsonWriter.toJson(dataset)).isEqualTo("{"
                + "\"00080060\":{\"vr\":\"CS\",\"Value\":[\"CT\"]},"
                + "\"00100010\":{\"vr\":\"PN\",\"Value\":[{\"Alphabetic\":\"Doe^John\"}]},"
                + "\"00280010\":{\"vr\":\"US\",\"Value\":[512]}}");
    }

    @Test
    void writesEveryKindOfValue() throws Exception {
        var written = new ByteArrayOutputStream();
        var writer = new DicomJsonWriter(written, (path, element) ->
                element.value() instanceof BulkData ? "https://pacs.example/bulk/" + path : null);

        writer.write(sample(dir));

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo(compact("""
                {
                  "00080005": {"vr": "CS", "Value": ["ISO_IR 192"]},
                  "00080008": {"vr": "CS", "Value": ["ORIGINAL", "PRIMARY", null, "AXIAL"]},
                  "00080016": {"vr": "UI", "Value": ["1.2.840.10008.5.1.4.1.1.2"]},
                  "00081110": {"vr": "SQ"},
                  "00100010": {"vr": "PN", "Value": [
                    {"Alphabetic": "Yamada^Tarou", "Ideographic": "山田^太郎", "Phonetic": "やまだ^たろう"},
                    {"Ideographic": "李^雷"}]},
                  "00100030": {"vr": "DA"},
                  "00104000": {"vr": "LT", "Value": ["A \\"B\\" \\\\ C\\r\\n\\tD\\u0001"]},
                  "00180050": {"vr": "DS", "Value": [0.50]},
                  "00189087": {"vr": "FD", "Value": [1000.5, -0.125]},
                  "00200013": {"vr": "IS", "Value": [7]},
                  "00280009": {"vr": "AT", "Value": ["00181063", "7FE00010"]},
                  "00280010": {"vr": "US", "Value": [512]},
                  "00280030": {"vr": "DS", "Value": [0.5, 0.25]},
                  "00400275": {"vr": "SQ", "Value": [
                    {
                      "00400008": {"vr": "SQ", "Value": [
                        {"00080100": {"vr": "SH", "Value": ["121311"]},
                         "00080102": {"vr": "SH", "Value": ["DCM"]}}]},
                      "00401001": {"vr": "SH", "Value": ["RP1"]}
                    },
                    {}]},
                  "00420011": {"vr": "OB", "InlineBinary": "AQIDAA=="},
                  "00720076": {"vr": "FL", "Value": [1.5, "NaN"]},
                  "00720082": {"vr": "SV", "Value": [-5, "1152921504606846976"]},
                  "7FE00010": {"vr": "OW", "BulkDataURI": "https://pacs.example/bulk/7FE00010"}
                }"""));
    }

    @Test
    void passesTheBulkDataUriFunctionThePathOfNestedElements() throws Exception {
        var dataset = new Attributes();
        var item = dataset.newSequence(Tag.of(0x0040, 0x0275)).addItem();
        dataset.getSequence(Tag.of(0x0040, 0x0275)).addItem()
                .setBytes(Tag.of(0x0042, 0x0011), VR.OB, new byte[] {9, 9});
        item.setString(Tag.of(0x0040, 0x1001), VR.SH, "RP1");

        String json = json(dataset, (path, element) -> "bulk/" + path);

        assertThat(json).contains("\"00420011\":{\"vr\":\"OB\",\"BulkDataURI\":\"bulk/00400275/1/00420011\"}");
    }

    @Test
    void decodesTextWithTheDataSetsCharacterSet() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 100");
        dataset.setBytes(Tag.PATIENT_NAME, VR.PN, "Müller^Jürgen".getBytes(StandardCharsets.ISO_8859_1));
        dataset.newSequence(Tag.of(0x0040, 0x0275)).addItem()
                .setBytes(Tag.of(0x0032, 0x1060), VR.LO, "Schädel".getBytes(StandardCharsets.ISO_8859_1));

        String json = json(dataset, null);

        assertThat(json).contains("{\"Alphabetic\":\"Müller^Jürgen\"}").contains("[\"Schädel\"]")
                .contains("\"00080005\":{\"vr\":\"CS\",\"Value\":[\"ISO_IR 100\"]}");
    }

    @Test
    void keepsNumbersExactAndWritesStringsWhereJsonNumbersWouldNotBe() throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.of(0x0018, 0x0050), VR.DS, "+1.", ".5E-3", "1.2345678901234", "n/a", "1e400");
        dataset.setString(Tag.of(0x0020, 0x0013), VR.IS, "007");
        dataset.setBytes(Tag.of(0x0072, 0x0078), VR.UV, longs(-1L, (1L << 53) - 1, 1L << 53));
        dataset.setBytes(Tag.of(0x0072, 0x0074), VR.FD, longs(Double.doubleToLongBits(Double.NEGATIVE_INFINITY),
                Double.doubleToLongBits(0.1)));
        dataset.setInt(Tag.of(0x0018, 0x6020), VR.SL, -1, Integer.MIN_VALUE);
        dataset.setInt(Tag.of(0x0018, 0x6024), VR.UL, -1);

        assertThat(json(dataset, null)).isEqualTo(compact("""
                {
                  "00180050": {"vr": "DS", "Value": [1, 0.0005, 1.2345678901234, "n/a", "1e400"]},
                  "00186020": {"vr": "SL", "Value": [-1, -2147483648]},
                  "00186024": {"vr": "UL", "Value": [4294967295]},
                  "00200013": {"vr": "IS", "Value": [7]},
                  "00720074": {"vr": "FD", "Value": ["-Infinity", 0.1]},
                  "00720078": {"vr": "UV", "Value": ["18446744073709551615", 9007199254740991,
                                                     "9007199254740992"]}
                }"""));
    }

    @Test
    void streamsAnArrayOfDataSetsOneByOne() throws Exception {
        var written = new ByteArrayOutputStream();
        var writer = new DicomJsonWriter(written, null);

        writer.beginArray();
        for (int i = 1; i <= 3; i++) {
            var match = new Attributes();
            match.setString(Tag.of(0x0020, 0x0013), VR.IS, Integer.toString(i));
            writer.write(match);
        }
        writer.endArray();

        assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("["
                + "{\"00200013\":{\"vr\":\"IS\",\"Value\":[1]}},"
                + "{\"00200013\":{\"vr\":\"IS\",\"Value\":[2]}},"
                + "{\"00200013\":{\"vr\":\"IS\",\"Value\":[3]}}]");
        assertThatThrownBy(() -> writer.write(new Attributes())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void leavesOutGroupLengthsAndRefusesWhatJsonCannotHold() {
        var dataset = new Attributes();
        dataset.setInt(Tag.of(0x0008, 0x0000), VR.UL, 100);
        dataset.setString(Tag.of(0x0008, 0x0060), VR.CS, "MR");
        assertThat(DicomJsonWriter.toJson(dataset)).isEqualTo("{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"MR\"]}}");

        var fragments = new Fragments();
        fragments.add(new byte[0]);
        dataset.put(new Element(Tag.PIXEL_DATA, VR.OB, fragments));
        assertThatThrownBy(() -> DicomJsonWriter.toJson(dataset)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(7FE0,0010)").hasMessageContaining("BulkDataURI");

        dataset.remove(Tag.PIXEL_DATA);
        dataset.put(new Element(Tag.of(0x0028, 0x0010), VR.US, new byte[] {1, 2, 3}));
        assertThatThrownBy(() -> DicomJsonWriter.toJson(dataset)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(0028,0010)").hasMessageContaining("3 bytes");
    }

    /** The data set of {@link #writesEveryKindOfValue()}, also read back in {@link DicomJsonReaderTest}. */
    static Attributes sample(Path dir) throws Exception {
        var dataset = new Attributes();
        dataset.setString(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192");
        dataset.setString(Tag.of(0x0008, 0x0008), VR.CS, "ORIGINAL", "PRIMARY", "", "AXIAL");
        dataset.setString(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.2");
        dataset.newSequence(Tag.of(0x0008, 0x1110));
        dataset.setString(Tag.PATIENT_NAME, VR.PN, "Yamada^Tarou=山田^太郎=やまだ^たろう", "=李^雷");
        dataset.setString(Tag.of(0x0010, 0x0030), VR.DA);
        dataset.setString(Tag.of(0x0010, 0x4000), VR.LT, "A \"B\" \\ C\r\n\tD\u0001");
        dataset.setString(Tag.of(0x0018, 0x0050), VR.DS, "0.50");
        dataset.setBytes(Tag.of(0x0018, 0x9087), VR.FD,
                longs(Double.doubleToLongBits(1000.5), Double.doubleToLongBits(-0.125)));
        dataset.setString(Tag.of(0x0020, 0x0013), VR.IS, "+7");
        dataset.setBytes(Tag.of(0x0028, 0x0009), VR.AT, new byte[] {0x18, 0, 0x63, 0x10, (byte) 0xE0, 0x7F, 0x10, 0});
        dataset.setInt(Tag.of(0x0028, 0x0010), VR.US, 512);
        dataset.setString(Tag.of(0x0028, 0x0030), VR.DS, "0.5", ".25");
        var requests = dataset.newSequence(Tag.of(0x0040, 0x0275));
        var request = requests.addItem();
        var code = request.newSequence(Tag.of(0x0040, 0x0008)).addItem();
        code.setString(Tag.of(0x0008, 0x0100), VR.SH, "121311");
        code.setString(Tag.of(0x0008, 0x0102), VR.SH, "DCM");
        request.setString(Tag.of(0x0040, 0x1001), VR.SH, "RP1");
        requests.addItem();
        dataset.setBytes(Tag.of(0x0042, 0x0011), VR.OB, new byte[] {1, 2, 3});
        dataset.setBytes(Tag.of(0x0072, 0x0076), VR.FL, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN)
                .putFloat(1.5f).putFloat(Float.NaN).array());
        dataset.setBytes(Tag.of(0x0072, 0x0082), VR.SV, longs(-5L, 1L << 60));
        Path pixels = dir.resolve("pixels.raw");
        Files.write(pixels, new byte[] {0, 0, 0, 0, 1, 0, 2, 0, 3, 0, 4, 0});
        dataset.put(new Element(Tag.PIXEL_DATA, VR.OW, new BulkData(pixels, 4, 8)));
        return dataset;
    }

    /** 64-bit values, little endian. */
    static byte[] longs(long... values) {
        var bytes = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long value : values) {
            bytes.putLong(value);
        }
        return bytes.array();
    }

    static String json(Attributes dataset, DicomJsonWriter.BulkDataUris uris) throws Exception {
        var written = new ByteArrayOutputStream();
        new DicomJsonWriter(written, uris).write(dataset);
        return written.toString(StandardCharsets.UTF_8);
    }

    /** The JSON text without the whitespace outside its strings. */
    static String compact(String json) {
        var text = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                text.append(c);
                if (c == '\\') {
                    text.append(json.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (!Character.isWhitespace(c)) {
                text.append(c);
                inString = c == '"';
            }
        }
        return text.toString();
    }
}
