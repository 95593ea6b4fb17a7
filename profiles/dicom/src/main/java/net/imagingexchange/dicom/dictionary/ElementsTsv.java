// SPDX-License-Identifier: Apache-2.0
package net.imagingexchange.dicom.dictionary;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import net.imagingexchange.dicom.VR;

/**
 * Reads {@code elements.tsv}, written by {@code profiles/dicom/tools/generate-dictionary.py}: comment lines start with
 * {@code #}, then {@code tag mask vrs vm keyword retired} separated by tabs, {@code -} for an empty field.
 */
final class ElementsTsv {

    static final String RESOURCE = "elements.tsv";
    private static final String NONE = "-";

    private ElementsTsv() {
    }

    /** The module's resource, next to this class on the classpath. */
    static List<DictionaryEntry> readResource() {
        try (InputStream in = ElementsTsv.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("DICOM dictionary resource " + RESOURCE + " is missing");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read DICOM dictionary " + RESOURCE, e);
        }
    }

    static List<DictionaryEntry> read(BufferedReader reader) throws IOException {
        List<DictionaryEntry> entries = new ArrayList<>(5200);
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            try {
                entries.add(parse(line));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(RESOURCE + " line " + lineNumber + ": " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static DictionaryEntry parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 6) {
            throw new IllegalArgumentException("expected 6 fields, found " + f.length);
        }
        boolean retired = switch (f[5]) {
            case "Y" -> true;
            case "N" -> false;
            default -> throw new IllegalArgumentException("retired flag " + f[5]);
        };
        return new DictionaryEntry(hex(f[0]), hex(f[1]), vrs(f[2]), text(f[3]), text(f[4]), retired);
    }

    private static int hex(String field) {
        if (field.length() != 8) {
            throw new IllegalArgumentException("not 8 hex digits: " + field);
        }
        return Integer.parseUnsignedInt(field, 16);
    }

    private static List<VR> vrs(String field) {
        if (field.equals(NONE)) {
            return List.of();
        }
        String[] names = field.split("/");
        VR[] vrs = new VR[names.length];
        for (int i = 0; i < names.length; i++) {
            vrs[i] = VR.valueOf(names[i]);
        }
        return List.of(vrs);
    }

    private static String text(String field) {
        return field.equals(NONE) ? "" : field;
    }
}
