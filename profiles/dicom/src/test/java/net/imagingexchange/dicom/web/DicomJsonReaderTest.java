// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.imagingexchange.dicom.Tag;
import net.imagingexchange.dicom.VR;
import net.imagingexchange.dicom.data.Attributes;
import net.imagingexchange.dicom.data.Element;
import net.imagingexchange.dicom.data.Sequence;

/** The DICOM JSON Model (PS3.18 F.2) read back: round trips, character sets, arrays, and errors saying where. */
class DicomJsonReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsBackWhatWasWrittenValueForValue() throws Exception {
        Attributes original = DicomJsonWriterTest.sample(dir);
        // canonical numbers, which are read back byte for byte ("+7" would come back as "7")
        original.setString(Tag.of(0x0020, 0x0013), VR.IS, "7");
        original.setString(Tag.of(0x0028, 0x0030), VR.DS, "0.5", "0.25");
        Map<String, Object> bulk = new HashMap<>();
        DicomJsonWriter.BulkDataUris uris = (path, element) -> {
            if (element.vr() != VR.OW) {
                return null;
            }
            bulk.put("bulk/" + path, element.value());
            return "bulk/" + path;
        };
        String json = DicomJsonWriterTest.json(original, uris);

        Attributes read = new DicomJsonReader(new StringReader(json), (tag, vr, uri) -> bulk.get(uri), 256)
                .readDataset();

        assertSameValues(read, original);
        assertThat(DicomJsonWriterTest.json(read, uris)).isEqualTo(json);
    }

    @Test
    void storesTextAsUtf8AndSaysSoInTheSpecificCharacterSet() throws Exception {
        Attributes latin1 = read("""
                {"00080005": {"vr": "CS", "Value": ["ISO_IR 100"]},
                 "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Müller^Jürgen"}]}}""");
        Attributes ascii = read("""
                {"00080005": {"vr": "CS", "Value": ["ISO_IR 100"]},
                 "00100010": {"vr": "PN", "Value": [{"Alphabetic": "Muller^Jurgen"}]}}""");
        Attributes none = read("""
                {"00400275": {"vr": "SQ", "Value": [{"00321060": {"vr": "LO", "Value": ["Schädel"]}}]}}""");
        Attributes unsupported = read("""
                {"00080005": {"vr": "CS", "Value": ["ISO_IR 13"]}}""");

        assertThat(latin1.getString(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
        assertThat(latin1.getString(Tag.PATIENT_NAME)).isEqualTo("Müller^Jürgen");
        assertThat((byte[]) latin1.get(Tag.PATIENT_NAME).value())
                .startsWith("Müller^Jürgen".getBytes(StandardCharsets.UTF_8));
        assertThat(ascii.getString(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 100");
        assertThat(none.getString(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
        assertThat(none.getSequence(Tag.of(0x0040, 0x0275)).items().get(0).getString(Tag.of(0x0032, 0x1060)))
                .isEqualTo("Schädel");
        assertThat(unsupported.getString(Tag.SPECIFIC_CHARACTER_SET)).isEqualTo("ISO_IR 192");
    }

    @Test
    void readsAnArrayOfDataSetsOneByOne() throws Exception {
        var written = new ByteArrayOutputStream();
        var writer = new DicomJsonWriter(written, null);
        writer.beginArray();
        for (int i = 1; i <= 3; i++) {
            var match = new Attributes();
            match.setString(Tag.of(0x0020, 0x0013), VR.IS, Integer.toString(i));
            writer.write(match);
        }
        writer.endArray();

        var reader = new DicomJsonReader(new ByteArrayInputStream(written.toByteArray()), null);
        int count = 0;
        while (reader.hasNext()) {
            assertThat(reader.next().getInt(Tag.of(0x0020, 0x0013), 0)).isEqualTo(++count);
        }

        assertThat(count).isEqualTo(3);
        assertThat(new DicomJsonReader(new StringReader(" [ ] ")).readDatasets()).isEmpty();
        assertThatThrownBy(() -> new DicomJsonReader(new StringReader("[{},]")).readDatasets())
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("expected a JSON value but found ']'");
        assertThatThrownBy(() -> new DicomJsonReader(new StringReader("[{}] {}")).readDatasets())
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("expected the end of the JSON text");
    }

    @Test
    void readsNumbersGivenAsStringsAndKeepsDecimalsAsWritten() throws Exception {
        Attributes read = read("""
                {"00180050": {"vr": "DS", "Value": [1.50, "2.0", null, -1e-3]},
                 "00200013": {"vr": "IS", "Value": [1.2e1, "+3"]},
                 "00720074": {"vr": "FD", "Value": ["Infinity", 2]},
                 "00720078": {"vr": "UV", "Value": ["18446744073709551615", 9007199254740993]}}""");

        assertThat(read.getStrings(Tag.of(0x0018, 0x0050))).containsExactly("1.50", "2.0", "", "-1e-3");
        assertThat(read.getStrings(Tag.of(0x0020, 0x0013))).containsExactly("12", "+3");
        assertThat((byte[]) read.get(Tag.of(0x0072, 0x0074)).value()).isEqualTo(DicomJsonWriterTest.longs(
                Double.doubleToLongBits(Double.POSITIVE_INFINITY), Double.doubleToLongBits(2)));
        assertThat((byte[]) read.get(Tag.of(0x0072, 0x0078)).value())
                .isEqualTo(DicomJsonWriterTest.longs(-1L, 9007199254740993L));
    }

    @Test
    void saysWhereTheProblemIs() {
        String json = """
                {
                  "00100010": {"vr": "PN",
                    "Value": [{"Alphabetic": "A"}]},
                  "00280010": {"vr": "US", "Value": [70000]}
                }""";

        assertThatThrownBy(() -> read(json)).isInstanceOfSatisfying(DicomJsonException.class, e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.column()).isEqualTo(38);
            assertThat(e).hasMessage("a US value of (0028,0010) must be an integer from 0 to 65535, not 70000"
                    + " at line 4, column 38");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"00100010":{"vr":"PN","Value":[{"Alphabetic":"A"}]} | expected ',' or '}' but found the end
            {"00100020":{"vr":"LO",}} | expected a member name but found '}'
            {"0010002":{"vr":"LO"}} | "0010002" is not a tag of 8 uppercase hex digits
            {"0010002a":{"vr":"LO"}} | "0010002a" is not a tag of 8 uppercase hex digits
            {"00080000":{"vr":"UL","Value":[4]}} | group length (0008,0000)
            {"FFFEE000":{"vr":"UN"}} | (FFFE,E000) is an item delimiter
            {"00100020":{"Value":["x"]}} | (0010,0020) has no vr
            {"00100020":{"vr":"XX"}} | "XX" is not a VR
            {"00100020":{"vr":"LO","value":["a"]}} | unknown member "value" of (0010,0020)
            {"00100020":{"vr":"LO","Value":["a"],"BulkDataURI":"x"}} | more than one of Value, InlineBinary
            {"00100020":{"vr":"LO","Value":["a"]},"00100020":{"vr":"LO"}} | member "00100020" given twice
            {"00100020":{"vr":"LO","Value":"a"}} | the Value of (0010,0020) must be a JSON array
            {"00100020":{"vr":"LO","Value":[1]}} | a value of (0010,0020) must be a string
            {"00100020":{"vr":"LO","Value":["a\\\\b"]}} | a backslash in a value of (0010,0020)
            {"00100020":{"vr":"LO","Value":["a\\x"]}} | invalid escape \\x
            {"00100020":{"vr":"LO","Value":["\\ud800"]}} | unpaired surrogate U+D800
            {"00100020":{"vr":"LO","Value":["a | the JSON text ends inside a string
            {"00100020":{"vr":"LO","Value":[tru]}} | expected true
            {"00100020":{"vr":"LO","Value":['a']}} | expected a JSON value but found '''
            {"00100010":{"vr":"PN","Value":["Doe^John"]}} | a PN value of (0010,0010) must be a JSON object
            {"00100010":{"vr":"PN","Value":[{"Alphabetical":"A"}]}} | unknown component group "Alphabetical"
            {"00104000":{"vr":"LT","Value":["a","b"]}} | (0010,4000) is LT, which has one value
            {"00280010":{"vr":"US","Value":[01]}} | malformed number 01
            {"00280010":{"vr":"US","Value":[1.5]}} | must be an integer from 0 to 65535, not 1.5
            {"00280010":{"vr":"US","Value":["1"]}} | a US value of (0028,0010) must be a number
            {"00280010":{"vr":"US","Value":[null]}} | a US value of (0028,0010) must be a number
            {"00280010":{"vr":"US","Value":[-]}} | expected a digit but found ']'
            {"00720082":{"vr":"SV","Value":[9223372036854775808]}} | a SV value of (0072,0082) must be an integer
            {"00720078":{"vr":"UV","Value":[-1]}} | must be a non-negative 64-bit integer
            {"00720076":{"vr":"FL","Value":[1e39]}} | a FL value of (0072,0076) is out of range: 1e39
            {"00280009":{"vr":"AT","Value":["0018106"]}} | must be 8 hex digits, not "0018106"
            {"00400275":{"vr":"SQ","Value":[null]}} | a data set (PS3.18 F.2.2) must be a JSON object
            {"7FE00010":{"vr":"OB","Value":["AAAA"]}} | (7FE0,0010) is OB: InlineBinary or BulkDataURI, not Value
            {"7FE00010":{"vr":"OB","InlineBinary":"A!=="}} | the InlineBinary of (7FE0,0010) is not base64
            {"00280010":{"vr":"US","InlineBinary":"AAA="}} | (0028,0010) is US, which has no InlineBinary
            {"7FE00010":{"vr":"OB","BulkDataURI":"https://x/1"}} | https://x/1 of (7FE0,0010), and no resolver
            {} [] | expected the end of the JSON text but found '['
            ["not an object"] | a data set (PS3.18 F.2.2) must be a JSON object
            `` | expected a JSON value but found the end of the JSON text
            """)
    void refusesMalformedInput(String json, String message) {
        assertThatThrownBy(() -> read(json)).isInstanceOf(DicomJsonException.class).hasMessageContaining(message);
    }

    @Test
    void refusesControlCharactersInStringsAndMalformedUtf8() {
        assertThatThrownBy(() -> read("{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"a\u0001\"]}}"))
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("unescaped control character U+0001");
        byte[] latin1 = "{\"00100020\":{\"vr\":\"LO\",\"Value\":[\"Müller\"]}}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new DicomJsonReader(new ByteArrayInputStream(latin1), null).readDataset())
                .isInstanceOf(DicomJsonException.class).hasMessageContaining("not well-formed UTF-8");
    }

    @Test
    void limitsTheNesting() throws Exception {
        assertThat(read(nested(80))).isNotNull();
        assertThatThrownBy(() -> read(nested(100))).isInstanceOf(DicomJsonException.class)
                .hasMessageContaining("arrays and objects nested deeper than 256");
    }

    private static String nested(int sequences) {
        return "{\"00400275\":{\"vr\":\"SQ\",\"Value\":[".repeat(sequences) + "{}" + "]}}".repeat(sequences);
    }

    private static Attributes read(String json) throws IOException {
        return new DicomJsonReader(new StringReader(json)).readDataset();
    }

    private static void assertSameValues(Attributes actual, Attributes expected) {
        assertThat(actual.elements()).extracting(Element::tag)
                .containsExactlyElementsOf(expected.elements().stream().map(Element::tag).toList());
        Iterator<Element> actualElements = actual.elements().iterator();
        for (Element element : expected.elements()) {
            Element other = actualElements.next();
            String tag = Tag.toString(element.tag());
            assertThat(other.vr()).as(tag).isEqualTo(element.vr());
            if (element.value() instanceof Sequence sequence) {
                var items = ((Sequence) other.value()).items();
                assertThat(items).as(tag).hasSameSizeAs(sequence.items());
                for (int i = 0; i < items.size(); i++) {
                    assertSameValues(items.get(i), sequence.items().get(i));
                }
            } else if (element.value() instanceof byte[] bytes) {
                assertThat((byte[]) other.value()).as(tag).isEqualTo(bytes);
            } else {
                assertThat(other.value()).as(tag).isEqualTo(element.value());
            }
        }
    }
}
