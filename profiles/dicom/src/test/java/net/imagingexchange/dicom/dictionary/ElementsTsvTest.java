// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import net.imagingexchange.dicom.VR;

/**
 * The committed resource is in the generator's canonical form. Regenerating it needs the source JSON outside the
 * build, so determinism itself is checked by {@code generate-dictionary.py --check} (tools/README.md); here the
 * properties that make the output canonical are checked: ASCII, LF, sorted by (tag, mask), no duplicates.
 */
class ElementsTsvTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = ElementsTsv.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            byte[] bytes = in.readAllBytes();
            for (byte b : bytes) {
                assertThat(b).as("ASCII").isBetween((byte) 0, (byte) 0x7F);
            }
            return new String(bytes, StandardCharsets.US_ASCII);
        }
    }

    @Test
    void headerRecordsProvenanceAndTheLicenceSitsNextToIt() throws IOException {
        String tsv = resource(ElementsTsv.RESOURCE);
        assertThat(tsv).startsWith("# DICOM data dictionary")
                .contains("innolitics/dicom-standard", "7f4749d", "2025-01-28", "MIT", "LICENSE-innolitics.txt")
                .doesNotContain("\r");
        assertThat(resource("LICENSE-innolitics.txt")).contains("Copyright (c) 2017 Innolitics, LLC.", "MIT")
                .contains("Permission is hereby granted");
    }

    @Test
    void rowsAreSortedByUnsignedTagThenMaskWithoutDuplicates() throws IOException {
        List<String> rows = resource(ElementsTsv.RESOURCE).lines().filter(l -> !l.startsWith("#")).toList();
        assertThat(rows).hasSize(ElementDictionaryTest.SOURCE_ROWS);
        Long previous = null;
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            assertThat(f).as(row).hasSize(6);
            long key = Long.parseLong(f[0], 16) << 32 | Long.parseLong(f[1], 16);
            if (previous != null) {
                assertThat(Long.compareUnsigned(key, previous)).as(row).isPositive();
            }
            previous = key;
        }
    }

    @Test
    void readsDashAsEmpty() throws IOException {
        String tsv = "# comment\n\nFFFEE000\tFFFFFFFF\t-\t1\tItem\tN\n00080202\tFFFFFFFF\t-\t-\t-\tY\n"
                + "7FE00010\tFFFFFFFF\tOB/OW\t1\tPixelData\tN\n";
        List<DictionaryEntry> rows = ElementsTsv.read(new BufferedReader(new StringReader(tsv)));
        assertThat(rows).containsExactly(
                new DictionaryEntry(0xFFFEE000, 0xFFFFFFFF, List.of(), "1", "Item", false),
                new DictionaryEntry(0x00080202, 0xFFFFFFFF, List.of(), "", "", true),
                new DictionaryEntry(0x7FE00010, 0xFFFFFFFF, List.of(VR.OB, VR.OW), "1", "PixelData", false));
    }

    @Test
    void reportsTheLineOfABadRow() {
        String tsv = "# comment\n00100010\tFFFFFFFF\tXX\t1\tPatientName\tN\n";
        assertThatThrownBy(() -> ElementsTsv.read(new BufferedReader(new StringReader(tsv))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2");
    }
}
